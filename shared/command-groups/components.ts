import { z } from 'zod';
import { AssessmentFile, SystemRef, command } from '../command-kit';
import { Component, ListedComponent } from '../domain/components/model';

const ComponentId = z.string().trim().min(1, 'a component id is required (e.g. CMP-001)').max(100);

export const componentCommands = {
  'components.list': command(
    "AI systems' components (their AI-BOM): models, datasets, services and libraries with version, supplier, licences and the BOM they came from; of one system, or of all.",
    z.object({ file: AssessmentFile, system: SystemRef.optional() }).strict(),
    z.object({ components: z.array(ListedComponent) }),
  ),
  'components.remove': command(
    "Remove a component from its system's list (a re-import of a BOM that has it adds it again).",
    z.object({ file: AssessmentFile, component: ComponentId, reason: z.string().trim().max(1000).optional() }).strict(),
    z.object({ removed: Component }),
  ),
} as const;
