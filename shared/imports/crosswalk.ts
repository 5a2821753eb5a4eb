/**
 * Control-to-requirement crosswalks as GRC tools export them (eramba's has one column per
 * framework, references separated by commas, "—" for none): which columns are frameworks the
 * catalog has, and each reference as the catalog's requirement reference. A reference the catalog
 * cannot hold (an ISO 42001 clause outside Annex A, an Annex point) comes back without one, so the
 * reader warns about it instead of guessing.
 */

export interface CrosswalkColumn {
  /** The framework's id in Assay's catalog, or null for one Assay does not carry. */
  framework: string | null;
  label: string;
}

const KNOWN: { test: RegExp; framework: string; label: string }[] = [
  { test: /\biso(\/iec)?\s*42001\b/i, framework: 'iso-42001-annex-a', label: 'ISO/IEC 42001' },
  { test: /\bowasp\b.*\bllm\b.*2025/i, framework: 'owasp-llm-2025', label: 'OWASP LLM Top 10 2025' },
  { test: /\bnist\s*ai\s*600-1\b/i, framework: 'nist-ai-rmf', label: 'NIST AI 600-1 (by its AI RMF subcategories)' },
  { test: /\beu\s*ai\s*act\b|2024\/1689/i, framework: 'eu-ai-act', label: 'EU AI Act' },
];
const OTHER = /\b(iso|iec|pci|soc ?2|nist|cis|scf|nis2|gdpr|hipaa|cobit|owasp|dora|aescsf|csa|ccm|fedramp|cmmc|tisax|bsi|ens|cyber essentials)\b/i;

/** The framework a crosswalk column names, or null when the header names no framework. */
export function crosswalkColumn(header: string): CrosswalkColumn | null {
  const known = KNOWN.find((k) => k.test.test(header));
  if (known) return { framework: known.framework, label: known.label };
  return OTHER.test(header) ? { framework: null, label: header } : null;
}

const RMF_FUNCTIONS: Record<string, string> = { GV: 'GOVERN', MP: 'MAP', MS: 'MEASURE', MG: 'MANAGE' };

/** One reference as written in a crosswalk, as a requirement reference (or null when it maps to no catalog item). */
export function requirementRef(framework: string, written: string): string | null {
  const r = written.trim();
  switch (framework) {
    case 'iso-42001-annex-a':
      return /^A\.\d+(\.\d+)*$/.test(r) ? `${framework}:${r}` : null;
    case 'owasp-llm-2025': {
      const m = /^LLM(\d{2})(?::2025)?$/i.exec(r);
      return m ? `${framework}:LLM${m[1]}:2025` : null;
    }
    case 'nist-ai-rmf': {
      // NIST AI 600-1 actions (MS-2.7-007) belong to an AI RMF subcategory (MEASURE 2.7).
      const m = /^(GV|MP|MS|MG)-(\d+\.\d+)(?:-\d{3})?$/i.exec(r);
      return m ? `${framework}:${RMF_FUNCTIONS[m[1]!.toUpperCase()]} ${m[2]}` : null;
    }
    case 'eu-ai-act': {
      const m = /^Art(?:icle)?\.?\s*(\d+)(?:[.(](\d+)\)?)?$/i.exec(r);
      return m ? `${framework}:Art. ${m[1]}${m[2] ? `(${m[2]})` : ''}` : null;
    }
    default:
      return null;
  }
}

/** The references of one cell: split on commas and semicolons, placeholders ("—", "-", "N/A") dropped. */
export function splitReferences(cell: string): string[] {
  return cell
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^(—|–|-+|n\/?a|none)$/i.test(s));
}
