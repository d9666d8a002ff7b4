/**
 * Just enough of Firefox's Remote Debugging Protocol (the one about:debugging
 * and web-ext use) to install the Firefox build as a temporary add-on and run
 * code in its background page. Playwright's Firefox needs Playwright's own
 * patched build, which cannot be downloaded here; WebDriver BiDi (Puppeteer)
 * installs add-ons but refuses to evaluate in moz-extension: pages. RDP does
 * both with Debian's stock firefox-esr.
 *
 * Packets are `length:JSON` over TCP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Packet = Record<string, unknown> & { from?: string; type?: string };

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export class FirefoxRdp {
  private buffer = Buffer.alloc(0);
  private readonly queue: Packet[] = [];
  private readonly waiters: { match: (p: Packet) => boolean; resolve: (p: Packet) => void }[] = [];
  readonly log: string[] = [];

  private constructor(
    private readonly firefox: ChildProcess,
    private readonly socket: Socket,
    private readonly profile: string,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  static async launch(): Promise<FirefoxRdp> {
    const profile = mkdtempSync(join(tmpdir(), 'introbook-firefox-'));
    const prefs: Record<string, unknown> = {
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      'browser.startup.homepage_override.mstone': 'ignore',
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'browser.newtabpage.enabled': false,
      'network.connectivity-service.enabled': false,
      'network.captive-portal-service.enabled': false,
    };
    writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
    const port = await freePort();
    const firefox = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--start-debugger-server', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
    });
    const stderr: string[] = [];
    firefox.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.on('error', reject);
        });
        const rdp = new FirefoxRdp(firefox, socket, profile);
        rdp.log.push(...stderr);
        await rdp.waitFor((p) => p.from === 'root' && 'applicationType' in p);
        return rdp;
      } catch (error) {
        if (Date.now() > deadline || firefox.exitCode !== null) {
          firefox.kill();
          throw new Error(`Firefox did not start its debugger server: ${String(error)}\n${stderr.join('')}`);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(58);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString()) as Packet;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      const waiter = this.waiters.find((w) => w.match(packet));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(packet);
      } else {
        this.queue.push(packet);
      }
    }
  }

  waitFor(match: (p: Packet) => boolean, timeoutMs = 30_000): Promise<Packet> {
    const queued = this.queue.find(match);
    if (queued) {
      this.queue.splice(this.queue.indexOf(queued), 1);
      return Promise.resolve(queued);
    }
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) {
          this.waiters.splice(i, 1);
          reject(new Error('Timed out waiting for Firefox'));
        }
      }, timeoutMs);
    });
  }

  send(packet: Packet & { to: string }): void {
    const text = JSON.stringify(packet);
    this.socket.write(`${Buffer.byteLength(text)}:${text}`);
  }

  /** A request and its reply (the next packet from that actor without an event type). */
  async request(packet: Packet & { to: string }): Promise<Packet> {
    this.send(packet);
    const reply = await this.waitFor((p) => p.from === packet.to && (p.type === undefined || 'error' in p));
    if ('error' in reply) throw new Error(`${String(reply.error)}: ${String(reply.message)}`);
    return reply;
  }

  /** Install an unpacked add-on temporarily; returns the console actor of its background page. */
  async installAddon(path: string, id: string): Promise<string> {
    const root = await this.request({ to: 'root', type: 'getRoot' });
    await this.request({ to: String(root.addonsActor), type: 'installTemporaryAddon', addonPath: path });
    const { addons } = (await this.request({ to: 'root', type: 'listAddons' })) as { addons?: { id: string; actor: string }[] };
    const addon = addons?.find((a) => a.id === id);
    if (!addon) throw new Error(`Add-on ${id} is not installed`);
    const watcher = await this.request({ to: addon.actor, type: 'getWatcher' });
    this.send({ to: String(watcher.actor), type: 'watchTargets', targetType: 'frame' });
    const target = await this.waitFor(
      (p) => p.type === 'target-available-form' && /_generated_background_page\.html$/.test(String((p.target as { url?: string }).url)),
      60_000,
    );
    return String((target.target as { consoleActor: string }).consoleActor);
  }

  /**
   * Run `body` as an async function in the context of `consoleActor` and
   * return what it returns (a string). The server awaits the promise
   * (`mapped.await`).
   */
  async evaluate(consoleActor: string, body: string): Promise<string> {
    this.send({ to: consoleActor, type: 'evaluateJSAsync', text: `(async () => { ${body}\n})()`, mapped: { await: true } });
    const started = await this.waitFor((p) => p.from === consoleActor && typeof p.resultID === 'string' && p.type === undefined);
    const result = await this.waitFor((p) => p.type === 'evaluationResult' && p.resultID === started.resultID);
    if (result.hasException) {
      const preview = (result.exception as { preview?: { message?: string } } | undefined)?.preview?.message;
      throw new Error(`In Firefox: ${preview ?? String(result.exceptionMessage)}`);
    }
    const value = result.result as unknown;
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'longString') {
      throw new Error('Result too long: return a shorter string');
    }
    return JSON.stringify(value);
  }

  async close(): Promise<void> {
    this.socket.destroy();
    this.firefox.kill();
    await new Promise((r) => (this.firefox.exitCode !== null ? r(null) : this.firefox.once('exit', r)));
    rmSync(this.profile, { recursive: true, force: true });
  }
}
