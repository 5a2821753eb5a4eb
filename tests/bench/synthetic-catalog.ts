import type { Catalog } from '../../shared/catalog/schema';

/** Control ids the catalog schema accepts (two to four letters, two digits) that the bundled catalog never uses. */
function* freshIds(taken: ReadonlySet<string>): Generator<string> {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters)
    for (const b of letters)
      for (const c of letters)
        for (let n = 1; n <= 99; n++) {
          const id = `Z${a}${b}${c}-${String(n).padStart(2, '0')}`;
          if (!taken.has(id)) yield id;
        }
}

/**
 * The bundled catalog with `extra` more controls, as an organisation's own controls would add
 * them: each a copy of a bundled control under a new id, with that control's requirement and
 * threat mappings, so coverage and the filters have real work to do.
 */
export function withExtraControls(catalog: Catalog, extra: number): Catalog {
  const ids = freshIds(new Set(catalog.controls.map((c) => c.id)));
  const controls = [...catalog.controls];
  const control_requirements = [...catalog.control_requirements];
  const threat_controls = [...catalog.threat_controls];
  for (let i = 0; i < extra; i++) {
    const model = catalog.controls[i % catalog.controls.length]!;
    const id = ids.next().value as string;
    controls.push({ ...model, id, name: `${model.name} (${id})`.slice(0, 120) });
    for (const m of catalog.control_requirements) if (m.control === model.id) control_requirements.push({ ...m, control: id });
    for (const m of catalog.threat_controls) if (m.control === model.id) threat_controls.push({ ...m, control: id });
  }
  return { ...catalog, controls, control_requirements, threat_controls };
}
