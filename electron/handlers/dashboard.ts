import { listAudit } from '../store/audit';
import { listRisks } from '../store/risks';
import { listEvidence } from '../store/evidence';
import { daysBetween } from '../../shared/domain/dates';
import { describeEntries } from './audit';
import { checkReport } from './checks';
import { useForReading } from './open-files';
import { statusHandlers } from './status';
import type { Handlers } from './types';

const overdueRules = new Set(['control-overdue', 'control-review-overdue', 'risk-review-overdue', 'incident-report-overdue']);

export const dashboardHandlers: Pick<Handlers, 'assessment.dashboard'> = {
  'assessment.dashboard': (input, ctx) => {
    const a = useForReading(input.file);
    const status = statusHandlers['assessment.status'](input, ctx);
    const today = new Date().toISOString().slice(0, 10);
    const report = checkReport(a, today);
    const register = listRisks(a, today);
    const recent = describeEntries(a, listAudit(a.db, { limit: 8 })).map(({ seq, at, actorName, label, item, change }) => ({ seq, at, actorName, label, item, change }));
    return {
      status,
      checks: { counts: report.counts, top: report.findings.slice(0, 8), overdue: report.findings.filter((f) => overdueRules.has(f.rule)) },
      topGaps: status.closeFirst.slice(0, 6),
      risks: { total: register.risks.length, heatMap: register.heatMap },
      evidenceExpiring: listEvidence(a)
        .flatMap((e) => (e.validUntil ? [{ id: e.id, title: e.title, validUntil: e.validUntil, daysLeft: daysBetween(today, e.validUntil), links: e.links.length }] : []))
        .filter((e) => e.daysLeft <= 60 && (e.daysLeft >= 0 || e.links > 0))
        .sort((x, y) => x.daysLeft - y.daysLeft)
        .slice(0, 8),
      recent,
    };
  },
};
