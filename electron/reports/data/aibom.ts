import type { AibomData } from '../../../shared/reports/build/aibom';
import type { ReportScope } from '../../../shared/reports/scope';
import { inScope } from '../../../shared/reports/build/in-scope';
import type { Assessment } from '../../store/assessment';
import { listComponents } from '../../store/components';
import { listSystems } from '../../store/systems';

/** Every component as `components.list` gives it, and the systems in scope with what their inventory records declare. */
export function gatherAibom(a: Assessment, scope: ReportScope): AibomData {
  return {
    systems: listSystems(a)
      .filter((s) => inScope(scope, s.id))
      .map((s) => ({ id: s.id, name: s.name, declared: s.thirdParty.map((t) => ({ name: t.name, kind: t.kind, supplier: t.supplier ?? null })) })),
    components: listComponents(a).filter((c) => inScope(scope, c.systemId)),
  };
}
