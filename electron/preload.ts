import { type IpcRendererEvent, contextBridge, ipcRenderer, webUtils } from 'electron';
import { type CommandName, commandNames } from '../shared/commands';
import type { AssayEvent } from '../shared/events';
import { IPC_COMMAND_PREFIX, IPC_EVENT, IPC_SHELL, type PreloadApi } from '../shared/preload-api';

// One named function per command in the shared table: the page cannot reach any other channel.
const commands = Object.fromEntries(
  commandNames.map((name: CommandName) => [name, (input: unknown) => ipcRenderer.invoke(IPC_COMMAND_PREFIX + name, input)]),
) as PreloadApi['commands'];

const api: PreloadApi = {
  commands,
  shell: {
    chooseNewFile: (defaultPath) => ipcRenderer.invoke(IPC_SHELL.chooseNewFile, defaultPath),
    chooseExistingFile: () => ipcRenderer.invoke(IPC_SHELL.chooseExistingFile),
    chooseFrameworkFile: () => ipcRenderer.invoke(IPC_SHELL.chooseFrameworkFile),
    chooseEvidenceFiles: () => ipcRenderer.invoke(IPC_SHELL.chooseEvidenceFiles),
    chooseImportFile: () => ipcRenderer.invoke(IPC_SHELL.chooseImportFile),
    chooseSaveCopy: (defaultName) => ipcRenderer.invoke(IPC_SHELL.chooseSaveCopy, defaultName),
    launchFile: () => ipcRenderer.invoke(IPC_SHELL.launchFile),
    openReport: (path) => ipcRenderer.invoke(IPC_SHELL.openReport, path),
    showReport: (path) => ipcRenderer.invoke(IPC_SHELL.showReport, path),
    // Only a real dropped file has a path here; a File the page made itself gives '' and is not sent.
    droppedFile: async (file) => {
      const path = webUtils.getPathForFile(file);
      return path ? ((await ipcRenderer.invoke(IPC_SHELL.droppedFile, path)) as string | null) : null;
    },
  },
  // The page gets events through this one function, never ipcRenderer itself.
  onEvent: (listener) => {
    const forward = (_event: IpcRendererEvent, payload: AssayEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('assay', api);
