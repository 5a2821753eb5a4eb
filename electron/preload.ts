import { contextBridge, ipcRenderer } from 'electron';
import { type CommandName, commandNames } from '../shared/commands';
import { IPC_COMMAND_PREFIX, IPC_SHELL, type PreloadApi } from '../shared/preload-api';

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
    launchFile: () => ipcRenderer.invoke(IPC_SHELL.launchFile),
  },
};

contextBridge.exposeInMainWorld('assay', api);
