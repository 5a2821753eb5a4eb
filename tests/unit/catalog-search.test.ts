import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { describeRef, displayId, kindHeading, repeatsTitle } from '../../shared/catalog/labels';
import { searchCatalog, searchEntries } from '../../shared/catalog/search';
import { buildIndex } from '../../shared/catalog/trace';
import { formatDate, formatDateTime } from '../../shared/format-date';
import { countOf } from '../../shared/plural';

const catalog = loadBundledCatalog();
const index = buildIndex(catalog);
const entries = searchEntries(index);
const keys = (q: string, limit = 100) => searchCatalog(entries, q, { limit }).map((h) => h.entry.key);

describe('searching by article number', () => {
  it('ranks Art. 9 first, then its paragraphs, and matches no other article', () => {
    const found = keys('Art. 9');
    expect(found[0]).toBe('eu-ai-act:Art. 9');
    expect(found.slice(1)).toEqual(['eu-ai-act:Art. 9(1)', 'eu-ai-act:Art. 9(2)', 'eu-ai-act:Art. 9(5)', 'eu-ai-act:Art. 9(6)', 'eu-ai-act:Art. 9(8)', 'eu-ai-act:Art. 9(9)']);
    for (const other of ['Art. 19', 'Art. 29', 'Art. 90', 'Art. 95', 'Art. 99', 'Art. 19(1)'])
      expect(found, other).not.toContain(`eu-ai-act:${other}`);
  });

  it('treats lower case and a missing space the same way, and a number never matches inside a longer one', () => {
    expect(keys('art. 9')[0]).toBe('eu-ai-act:Art. 9');
    expect(keys('Art. 1')).not.toContain('eu-ai-act:Art. 10');
    expect(keys('GOVERN 1.1')).toEqual(['nist-ai-rmf:GOVERN 1.1']);
    expect(keys('AML.T0051')[0]).toBe('mitre-atlas:AML.T0051');
    expect(keys('Art. 9(2)')).toEqual(['eu-ai-act:Art. 9(2)']);
  });

  it('still finds words, and numbers as whole tokens in text', () => {
    expect(keys('prompt injection', 30)).toContain('THR-08');
    const mixed = keys('Art. 9 risk', 50);
    expect(mixed).toContain('eu-ai-act:Art. 9(2)');
    expect(mixed.filter((k) => /Art\. (19|29|9\d)\b/.test(k))).toEqual([]);
  });
});

describe('names shown to people', () => {
  it('pluralises kind headings properly', () => {
    expect(['annex', 'article', 'category', 'chapter', 'sub-technique', 'threat group'].map(kindHeading)).toEqual([
      'Annexes',
      'Articles',
      'Categories',
      'Chapters',
      'Sub-techniques',
      'Threat groups',
    ]);
  });

  it('names references by framework, id and title, and hides permalink slugs', () => {
    expect(describeRef(index, 'owasp-llm-2025:LLM01:2025')).toBe('OWASP LLM Top 10 (2025) LLM01:2025 Prompt Injection');
    const exchange = index.items.get('owasp-ai-exchange:promptinjectioniohandling')!;
    expect(displayId(exchange.framework, exchange.item)).toBe('');
    expect(describeRef(index, 'owasp-ai-exchange:promptinjectioniohandling')).not.toContain('promptinjectioniohandling');
    expect(searchCatalog(entries, 'prompt injection I/O handling')[0]?.entry.shownId).toBe('');
  });

  it('spots a description that repeats the title, and no bundled item has one', () => {
    expect(repeatsTitle('Understand the legal requirements.', 'Understand the legal requirements')).toBe(true);
    expect(repeatsTitle('Understand the legal requirements that apply.', 'Understand the legal requirements')).toBe(false);
    for (const f of catalog.frameworks)
      for (const i of f.items) expect(repeatsTitle(i.summary, i.title ?? i.label ?? i.id), `${f.id} ${i.id}`).toBe(false);
  });

  it('counts with the right noun', () => {
    expect([countOf(0, 'control'), countOf(1, 'control'), countOf(2, 'control'), countOf(1, 'category', 'categories')]).toEqual([
      '0 controls',
      '1 control',
      '2 controls',
      '1 category',
    ]);
  });
});

describe('one date format', () => {
  it('shows dates as YYYY-MM-DD and times on a 24-hour clock with the time zone', () => {
    expect(formatDate('2026-11-28')).toBe('2026-11-28');
    expect(formatDate('2026-11')).toBe('2026-11');
    expect(formatDate(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-28');
    expect(formatDate(new Date('2026-11-28T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-29');
    expect(formatDateTime('2026-11-28T14:05:09Z')).toBe('2026-11-28 14:05 UTC');
    expect(formatDateTime('2026-11-28T14:05:09Z', 'Europe/Berlin')).toMatch(/^2026-11-28 15:05 (CET|GMT\+1)$/);
    expect(formatDateTime(Date.UTC(2026, 6, 1, 23, 59))).toBe('2026-07-01 23:59 UTC');
    expect(() => formatDateTime('yesterday')).toThrow('not a date: yesterday');
  });
});
