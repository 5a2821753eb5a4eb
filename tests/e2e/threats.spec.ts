import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { createAssessment, openApp, screenshotPath } from './app';

async function seriousViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include('.content').analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('threats of an AI system: suggested with reasons, confirmed, dismissed with a reason, added; groups and agent recorded', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await createAssessment(page, 'Threats');
  await page.getByRole('button', { name: 'AI systems' }).click();
  await page.getByRole('button', { name: 'Add system…' }).click();
  const form = page.getByRole('form', { name: 'Add AI system' });
  await form.getByLabel('Name').fill('Support assistant');
  await form.getByRole('checkbox', { name: 'Deployer' }).check();
  await form.getByLabel('Deployment').selectOption('customer_facing');
  await form.getByRole('checkbox', { name: 'Large language model' }).check();
  await form.getByRole('button', { name: 'Add system' }).click();

  const threats = page.getByRole('region', { name: 'Threats' });
  const injection = threats.getByRole('listitem', { name: 'THR-08 Direct prompt injection' });
  await expect(injection).toContainText('Suggested because a language model that customers or the public can prompt directly');
  await expect(injection).toContainText('Not decided');
  await injection.getByRole('button', { name: 'Confirm THR-08' }).click();
  await expect(injection).toContainText('Confirmed by');

  const jailbreaks = threats.getByRole('listitem', { name: 'THR-10 Jailbreaks' });
  await jailbreaks.getByRole('button', { name: 'Dismiss THR-10' }).click();
  const dismiss = jailbreaks.getByRole('form', { name: 'Dismiss THR-10' });
  await expect(dismiss.getByRole('button', { name: 'Dismiss' })).toBeDisabled();
  await dismiss.getByLabel('Reason').fill('Answers come only from approved help articles');
  await dismiss.getByRole('button', { name: 'Dismiss' }).click();
  await expect(jailbreaks).toContainText('Reason: Answers come only from approved help articles');

  const add = threats.getByRole('form', { name: 'Add a threat' });
  await add.getByLabel('Threat').selectOption('THR-22');
  await add.getByLabel('Why it applies').fill('Bot traffic floods the chat at night');
  await add.getByRole('button', { name: 'Add threat' }).click();
  await expect(threats.getByRole('listitem', { name: 'THR-22 Denial of service and unbounded consumption' })).toContainText('Added by the user');

  // Groups and the agent as a non-human identity, edited in the detail.
  const detail = page.getByRole('region', { name: 'AI system Support assistant' });
  await expect(detail.getByText('Not recorded as an agent.')).toBeVisible();
  await detail.getByRole('button', { name: 'Edit details…' }).click();
  const edit = detail.getByRole('form', { name: 'Edit inventory details' });
  await edit.getByLabel('Operated by').fill('Customer service\nIT operations');
  await edit.getByLabel('Tools and permissions').fill('ticketing: create and close tickets');
  await edit.getByLabel('Credentials it uses').fill('svc-support-bot');
  await edit.getByLabel('How it is stopped').fill('Feature flag in the chat console');
  await edit.getByRole('button', { name: 'Save details' }).click();
  await expect(detail).toContainText('Customer service, IT operations');
  await expect(detail).toContainText('ticketing (create and close tickets)');
  // The agent now has tools: excessive agency is suggested.
  await expect(threats.getByRole('listitem', { name: 'THR-18 Excessive agency of AI agents' })).toBeVisible();

  await page.screenshot({ path: screenshotPath('30-system-threats'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
});
