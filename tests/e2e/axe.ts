import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';

/** Every screen: no serious or critical axe-core violation in the part of the page given. */
export async function expectAccessible(page: Page, include = '.content'): Promise<void> {
  const result = await new AxeBuilder({ page }).include(include).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
