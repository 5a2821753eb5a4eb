import type { CatalogControl } from '../../../shared/catalog/schema';

/** What a control asks for, as the controls view and the catalog browser both show it. */
export function ControlDescription({ control }: { control: Pick<CatalogControl, 'objective' | 'guidance' | 'evidence'> }) {
  return (
    <>
      <h3>Objective</h3>
      <p>{control.objective}</p>
      <h3>Implementation guidance</h3>
      <p>{control.guidance}</p>
      <h3>Evidence an auditor would accept</h3>
      <ul>
        {control.evidence.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </>
  );
}
