import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { addSampleHumanRisk } from '../../electron/sample/human-risk-sample';
import { createAssessment, openForWriting } from '../../electron/store/open';
import { addRisk } from '../../electron/store/risks';
import { addSystem } from '../../electron/store/systems';
import { e2eDir, openApp, screenshotPath } from './app';
import { expectAccessible } from './axe';

/** The import engine is not merged yet: the figures are seeded through the store, as an import would write them. */
function seed(): string {
  const file = join(e2eDir, 'human-risk.assay');
  createAssessment(file, { name: 'Northwind people', catalog: loadBundledCatalog(), actor: 'Dana Lee' }).close();
  const a = openForWriting(file, { actor: 'Dana Lee' }).assessment;
  addSystem(a, { name: 'Procurement agent', roles: ['deployer'], businessUnit: 'Finance operations', groups: [{ name: 'IT operations', relation: 'operates' }] }, 'Dana Lee');
  addSystem(a, { name: 'Customer support assistant', roles: ['deployer'], businessUnit: 'customer service', groups: [{ name: 'Retail customers', relation: 'uses' }] }, 'Dana Lee');
  addSystem(a, { name: 'Code helper', roles: ['deployer'], groups: [{ name: 'Security', relation: 'owns' }] }, 'Dana Lee');
  addRisk(a, { system: 'SYS-001', threat: 'THR-25', title: 'Invoice fraud by deepfake call', likelihood: 2, impact: 4, treatment: 'mitigate' }, 'Dana Lee');
  addSampleHumanRisk(a, 'Dana Lee', new Date().toISOString().slice(0, 10));
  a.close();
  return file;
}

test('human risk: each AI system with its groups’ figures, high-risk users flagged, and the suggestion fed to the risk register', async ({ page }) => {
  test.setTimeout(90_000); // seeding writes three systems, a risk and 57 figures; the machine is shared
  const file = seed();
  await openApp(page);
  await page.getByRole('textbox', { name: 'File' }).nth(1).fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind people' })).toBeVisible();
  await page.getByRole('button', { name: 'Human risk' }).click();

  const agent = page.getByRole('region', { name: /SYS-001 Procurement agent/ });
  await expect(agent.getByText('High-risk users')).toBeVisible();
  await expect(agent).toContainText('Finance operations: phish-prone 35% · risk score 84 · training 0% (2 people)');
  await expect(agent.getByRole('row', { name: /THR-25/ })).toContainText('RSK-001: likelihood 2');
  const assistant = page.getByRole('region', { name: /SYS-002 Customer support assistant/ });
  await expect(assistant).toContainText('Customer service: phish-prone 22%');
  await expect(assistant).toContainText('Retail customers: no figures for this group');
  await expect(page.getByRole('region', { name: /SYS-003 Code helper/ }).getByText('High-risk users')).toHaveCount(0);

  const phishing = page.getByRole('region', { name: /HUM-04 AI-generated phishing simulations/ });
  await expect(phishing.getByRole('row', { name: /Phish-prone %/ })).toContainText('improving');
  await expect(page.getByTestId('chart-HUM-04').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('chart-groups')).toHaveAttribute('aria-label', /Finance operations: phish-prone 35%, risk score 84/);
  await page.screenshot({ path: screenshotPath('60-human-risk'), fullPage: true });
  await expectAccessible(page);
  await page.getByRole('heading', { name: 'Figures on the human-risk controls' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('61-human-risk-controls') });

  // The suggestion goes to the register: the existing risk's likelihood, then a new risk for another threat.
  await agent.getByRole('button', { name: 'Set likelihood to 5 in RSK-001 for Procurement agent' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'RSK-001: likelihood set to 5' })).toBeVisible();
  await expect(agent.getByRole('row', { name: /THR-25/ })).toContainText('RSK-001: likelihood 5');
  await agent.getByLabel('Impact of a new THR-12 risk for Procurement agent').selectOption('4');
  await agent.getByRole('button', { name: /Add risk \(likelihood \d\) for THR-12 in Procurement agent/ }).click();
  await expect(agent.getByRole('row', { name: /THR-12/ })).toContainText('RSK-002: likelihood');
  await page.getByRole('button', { name: 'Risks' }).click();
  await expect(page.getByRole('row', { name: /RSK-002/ })).toContainText('Procurement agent');
});
