import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Where Debian and Ubuntu install Chromium; `CHROMIUM_PATH` overrides. */
const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium executable, or null when none is installed. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** Something the page reported: a console error, an uncaught exception or a browser log error. */
export interface PageProblem {
  kind: 'console' | 'exception' | 'log';
  text: string;
}

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/**
 * Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
 * JSON messages ended by NUL on file descriptors 3 and 4), so nothing is downloaded and no
 * port is opened. Background networking and every other call home are switched off.
 */
export class HeadlessChromium {
  private readonly child: ChildProcess;
  private readonly profile: string;
  private nextId = 1;
  private buffer = '';
  private readonly pending = new Map<
    number,
    { resolve: (m: CdpMessage) => void; reject: (e: Error) => void }
  >();
  private readonly listeners: ((m: CdpMessage) => void)[] = [];
  private exited = false;

  constructor(executable: string) {
    this.profile = mkdtempSync(join(tmpdir(), 'lmdoctor-chromium-'));
    this.child = spawn(
      executable,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--disable-extensions',
        '--metrics-recording-only',
        '--no-default-browser-check',
        '--remote-debugging-pipe',
        `--user-data-dir=${this.profile}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    const fromBrowser = this.child.stdio[4] as Readable;
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk: string) => this.receive(chunk));
    this.child.on('exit', () => {
      this.exited = true;
      for (const { reject } of this.pending.values()) reject(new Error('Chromium exited'));
      this.pending.clear();
    });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as CdpMessage;
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message);
      } else for (const listener of this.listeners) listener(message);
    }
  }

  /** Sends one protocol command and waits for its answer. */
  send(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<Record<string, unknown>> {
    if (this.exited) return Promise.reject(new Error('Chromium is not running'));
    const id = this.nextId++;
    const toBrowser = this.child.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: (m) => resolve(m.result ?? {}), reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /**
   * Opens a file in a new tab and waits for its load event; returns the problems the page
   * reported while loading plus helpers to query it and take a screenshot.
   */
  async open(url: string): Promise<{
    problems: PageProblem[];
    evaluate: (expression: string) => Promise<unknown>;
    screenshot: () => Promise<Buffer>;
    emulate: (media: 'screen' | 'print', colorScheme: 'light' | 'dark') => Promise<void>;
  }> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as {
      targetId: string;
    };
    const { sessionId } = (await this.send('Target.attachToTarget', {
      targetId,
      flatten: true,
    })) as { sessionId: string };
    const problems: PageProblem[] = [];
    let loaded: () => void = () => {};
    const load = new Promise<void>((resolve) => (loaded = resolve));
    this.listeners.push((m) => {
      if (m.sessionId !== sessionId || !m.params) return;
      const p = m.params;
      if (m.method === 'Page.loadEventFired') loaded();
      if (m.method === 'Runtime.consoleAPICalled' && ['error', 'assert'].includes(String(p.type)))
        problems.push({ kind: 'console', text: JSON.stringify(p.args) });
      if (m.method === 'Runtime.exceptionThrown')
        problems.push({ kind: 'exception', text: JSON.stringify(p.exceptionDetails) });
      if (m.method === 'Log.entryAdded') {
        const entry = p.entry as { level: string; text: string; source: string };
        if (entry.level === 'error' || entry.level === 'warning')
          problems.push({ kind: 'log', text: `${entry.source}: ${entry.text}` });
      }
    });
    await this.send('Page.enable', {}, sessionId);
    await this.send('Runtime.enable', {}, sessionId);
    await this.send('Log.enable', {}, sessionId);
    await this.send(
      'Emulation.setDeviceMetricsOverride',
      { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false },
      sessionId,
    );
    await this.send('Page.navigate', { url }, sessionId);
    await load;
    return {
      problems,
      evaluate: async (expression) => {
        const { result } = (await this.send(
          'Runtime.evaluate',
          { expression, returnByValue: true },
          sessionId,
        )) as { result: { value: unknown } };
        return result.value;
      },
      emulate: async (media, colorScheme) => {
        await this.send(
          'Emulation.setEmulatedMedia',
          { media, features: [{ name: 'prefers-color-scheme', value: colorScheme }] },
          sessionId,
        );
      },
      screenshot: async () => {
        const { data } = (await this.send(
          'Page.captureScreenshot',
          { format: 'png', captureBeyondViewport: true },
          sessionId,
        )) as { data: string };
        return Buffer.from(data, 'base64');
      },
    };
  }

  /** Closes the browser and removes its throwaway profile. */
  async close(): Promise<void> {
    if (!this.exited) {
      const exit = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      await this.send('Browser.close').catch(() => undefined);
      await exit;
    }
    rmSync(this.profile, { recursive: true, force: true });
  }
}
