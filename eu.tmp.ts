import { loadBundledCatalog } from './electron/catalog/load';
const c = loadBundledCatalog();
const eu = c.frameworks.find(f=>f.id==='eu-ai-act')!;
for (const i of eu.items) if (i.assessable) console.log(i.id, i.eu?.roles.join(','), i.eu?.risk_classes.join(','), i.eu?.applies_from.map(d=>d.date+'/'+d.scope+'/'+d.basis).join(';'), i.governance_only? 'GOV-ONLY':'' );
console.log(eu.items.filter(i=>!i.assessable).map(i=>i.id+'['+i.kind+']').join(' '));
