import type { CommandInput, CommandName, CommandOutput } from './commands';
import type { Envelope } from './errors';
import type { EventListener } from './events';

/** What the Electron preload exposes as `window.assay`: one named function per command, nothing generic. */
export interface PreloadApi {
  commands: { [N in CommandName]: (input: CommandInput<N>) => Promise<Envelope<CommandOutput<N>>> };
  shell: {
    /** A native save dialog for a new .assay file; null when cancelled. */
    chooseNewFile(defaultPath: string): Promise<string | null>;
    /** A native open dialog for an existing .assay file; null when cancelled. */
    chooseExistingFile(): Promise<string | null>;
    /** A native open dialog for a framework file (YAML or JSON); null when cancelled. */
    chooseFrameworkFile(): Promise<string | null>;
    /** A native open dialog for evidence files (several at once); empty when cancelled. */
    chooseEvidenceFiles(): Promise<string[]>;
    /** A native open dialog for a file to import (any of the formats Assay reads); null when cancelled. */
    chooseImportFile(): Promise<string | null>;
    /** A native save dialog for a copy of a stored evidence file; null when cancelled. */
    chooseSaveCopy(defaultName: string): Promise<string | null>;
    /** The .assay file the app was launched with (double-click, "Open with"), if any. */
    launchFile(): Promise<string | null>;
    /**
     * The path of a file the user dropped on the window (Electron's webUtils in the preload),
     * which main then accepts as chosen by the user; null for anything that is not a dropped file.
     */
    droppedFile(file: File): Promise<string | null>;
    /** Opens a report this run wrote with the program the system uses for it; false when it was not one. */
    openReport(path: string): Promise<boolean>;
    /** Shows a report this run wrote in its folder (Finder, Explorer); false when it was not one. */
    showReport(path: string): Promise<boolean>;
  };
  /** Events from the Node side (files changed elsewhere, job progress); returns the unsubscribe. */
  onEvent(listener: EventListener): () => void;
}

export const IPC_COMMAND_PREFIX = 'assay:';
export const IPC_SHELL = {
  chooseNewFile: 'assay-shell:choose-new-file',
  chooseExistingFile: 'assay-shell:choose-existing-file',
  chooseFrameworkFile: 'assay-shell:choose-framework-file',
  chooseEvidenceFiles: 'assay-shell:choose-evidence-files',
  chooseImportFile: 'assay-shell:choose-import-file',
  chooseSaveCopy: 'assay-shell:choose-save-copy',
  launchFile: 'assay-shell:launch-file',
  openReport: 'assay-shell:open-report',
  showReport: 'assay-shell:show-report',
  droppedFile: 'assay-shell:dropped-file',
} as const;

/** The one channel main uses to push events to a window. */
export const IPC_EVENT = 'assay-event';
