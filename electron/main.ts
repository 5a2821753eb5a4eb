import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, protocol, session, shell } from 'electron';
import { commandNames } from '../shared/commands';
import { IPC_COMMAND_PREFIX, IPC_EVENT, IPC_SHELL } from '../shared/preload-api';
import { dispatchPatiently } from './dispatch';
import { startChangeWatcher } from './events/change-watcher';
import { startBackupSchedule } from './backups/scheduler';
import { onEvent } from './events/hub';
import { GrantedPaths } from './granted-paths';
import { defaultContext } from './handlers/context';
import { closeAll } from './handlers/open-files';
import { configureJobs, stopAllJobs } from './jobs/runner';
import { electronNativeBinding } from './native-binding';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isOwnAppRequest,
  isTrustedSender,
  permissionAllowed,
  windowPreferences,
} from './security';
import { useNativeBinding } from './store/sqlite';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = normalize(join(here, '../renderer'));
const appRoot = join(here, '../..');

const nativeBinding = electronNativeBinding({
  packaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  appRoot,
  modulesAbi: process.versions.modules,
});
useNativeBinding(nativeBinding);
// Job workers open their own connections and must load the same Electron-ABI build.
configureJobs({ nativeBinding });

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const launchFile = process.argv.slice(app.isPackaged ? 1 : 2).find((arg) => arg.toLowerCase().endsWith('.assay')) ?? null;
const ctx = defaultContext({ home: app.getPath('userData') });
let mainWindow: BrowserWindow | null = null;
/** Paths the user chose in this run; commands naming any other path are refused (see granted-paths.ts). */
const granted = new GrantedPaths(ctx.defaultFolder);
granted.grant(launchFile);

const mime: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

async function serveApp(request: Request): Promise<Response> {
  if (!isOwnAppRequest(request.url)) return new Response('not found', { status: 404 });
  const { pathname } = new URL(request.url);
  let file = normalize(join(rendererDir, decodeURIComponent(pathname)));
  if (!file.startsWith(rendererDir + sep)) return new Response('forbidden', { status: 403 });
  const body = await readFile(file).catch(() => null);
  const served = body ?? (await readFile((file = join(rendererDir, 'index.html'))));
  return new Response(served, {
    headers: { 'Content-Type': mime[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

function registerIpc(): void {
  for (const name of commandNames) {
    ipcMain.handle(IPC_COMMAND_PREFIX + name, async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url))
        return { ok: false, error: { code: 'usage', message: `${name}: refused, the caller is not an Assay window` } };
      const result = await dispatchPatiently(name, input, ctx, { checkPaths: (command, paths) => granted.problem(command, paths) });
      // Files main itself lists or has just created or opened were chosen by the user.
      if (result.ok && name === 'app.recent') for (const r of (result.value as { files: { file: string }[] }).files) granted.grant(r.file);
      if (result.ok && (name === 'assessment.create' || name === 'assessment.open')) granted.grant((result.value as { file: string }).file);
      if (name === 'assessment.sample') granted.grantSample((input as { file?: unknown } | null)?.file);
      return result;
    });
  }
  const trusted = (event: Electron.IpcMainInvokeEvent) => isTrustedSender(event.senderFrame?.url);
  ipcMain.handle(IPC_SHELL.chooseNewFile, async (event, defaultPath: unknown) => {
    if (!trusted(event) || !mainWindow) return null;
    const result = await dialog.showSaveDialog(mainWindow, {
      title: 'New assessment',
      defaultPath: typeof defaultPath === 'string' ? defaultPath : undefined,
      filters: [{ name: 'Assay assessment', extensions: ['assay'] }],
    });
    return result.canceled ? null : granted.grant(result.filePath ?? null);
  });
  ipcMain.handle(IPC_SHELL.chooseExistingFile, async (event) => {
    if (!trusted(event) || !mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, {
      title: 'Open assessment',
      properties: ['openFile'],
      filters: [{ name: 'Assay assessment', extensions: ['assay'] }],
    });
    return result.canceled ? null : granted.grant(result.filePaths[0] ?? null);
  });
  ipcMain.handle(IPC_SHELL.chooseFrameworkFile, async (event) => {
    if (!trusted(event) || !mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, {
      title: 'Import framework',
      properties: ['openFile'],
      filters: [{ name: 'Framework (YAML or JSON)', extensions: ['yaml', 'yml', 'json'] }],
    });
    return result.canceled ? null : granted.grant(result.filePaths[0] ?? null);
  });
  ipcMain.handle(IPC_SHELL.chooseEvidenceFiles, async (event) => {
    if (!trusted(event) || !mainWindow) return [];
    const result = await dialog.showOpenDialog(mainWindow, { title: 'Add evidence', properties: ['openFile', 'multiSelections'] });
    return result.canceled ? [] : result.filePaths.map((p) => granted.grant(p));
  });
  ipcMain.handle(IPC_SHELL.chooseImportFile, async (event) => {
    if (!trusted(event) || !mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, {
      title: 'Import a file',
      properties: ['openFile'],
      filters: [
        { name: 'Files Assay imports', extensions: ['csv', 'xlsx', 'json', 'jsonl', 'sarif', 'txt'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    return result.canceled ? null : granted.grant(result.filePaths[0] ?? null);
  });
  ipcMain.handle(IPC_SHELL.chooseSaveCopy, async (event, defaultName: unknown) => {
    if (!trusted(event) || !mainWindow) return null;
    const name = typeof defaultName === 'string' ? defaultName.replace(/[\\/]/g, '_').slice(0, 200) : 'evidence';
    const result = await dialog.showSaveDialog(mainWindow, { title: 'Save a copy', defaultPath: name });
    return result.canceled ? null : granted.grant(result.filePath ?? null);
  });
  ipcMain.handle(IPC_SHELL.launchFile, (event) => (trusted(event) ? launchFile : null));
  // The preload sends only paths Electron's webUtils gave for a real dropped file.
  ipcMain.handle(IPC_SHELL.droppedFile, (event, path: unknown) =>
    trusted(event) && typeof path === 'string' && path.length > 0 && path.length <= 4096 ? granted.grant(path) : null,
  );
  // Only reports this run wrote are opened or shown: a page cannot ask main to open arbitrary files.
  const reports = new Set<string>();
  const report = (event: Electron.IpcMainInvokeEvent, path: unknown) => (trusted(event) && typeof path === 'string' && reports.has(path) ? path : null);
  ipcMain.handle(IPC_SHELL.openReport, async (event, path: unknown) => {
    const file = report(event, path);
    return file !== null && (await shell.openPath(file)) === '';
  });
  ipcMain.handle(IPC_SHELL.showReport, (event, path: unknown) => {
    const file = report(event, path);
    if (file !== null) shell.showItemInFolder(file);
    return file !== null;
  });
  onEvent((event) => {
    if (event.type === 'job.finished' && event.result.kind === 'report') reports.add(event.result.value.path);
    mainWindow?.webContents.send(IPC_EVENT, event);
  });
}

function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
  // No network at run time: anything that is not the app's own scheme is cancelled.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith(`${APP_ORIGIN}/`) && !details.url.startsWith('devtools://') });
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Assay',
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: { ...windowPreferences(app.isPackaged), preload: join(here, '../preload/preload.cjs') },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

app.enableSandbox();
void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, serveApp);
  hardenContents();
  registerIpc();
  startChangeWatcher();
  startBackupSchedule(ctx.home);
  createWindow();
});
app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  void stopAllJobs();
  closeAll();
});
