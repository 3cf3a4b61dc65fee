/**
 * Answers per second and latency of the real bot over HTTP, side by side with
 * a bare botbuilder echo bot (CloudAdapter + restify, as in the Bot Framework
 * samples) on the same machine. Each server runs in its own process; this
 * process only generates load.
 */
import { execFileSync, spawn, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface LoadResult { requests: number; seconds: number; perSecond: number; p50: number; p95: number; errors: number }

/**
 * Where the processes run: with two CPUs or more and taskset (util-linux),
 * both servers on the last CPU and this load generator on the others, so a
 * server never shares its CPU with the load it answers (as when the load
 * comes from elsewhere); BENCH_PIN=0 leaves placement to the scheduler.
 */
function placement(): { serverCpu: number; loadCpus: string } | undefined {
  if (process.env.BENCH_PIN === '0') return undefined;
  const cpus = os.availableParallelism();
  if (cpus < 2 || process.platform !== 'linux') return undefined;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return { serverCpu: cpus - 1, loadCpus: cpus === 2 ? '0' : `0-${cpus - 2}` };
}

async function startServer(kind: 'medsec' | 'echo', pin: ReturnType<typeof placement>): Promise<Server> {
  const node = [process.execPath, '--no-deprecation', path.join(__dirname, 'botServer.js'), kind];
  const [command, ...args] = pin ? ['taskset', '-c', String(pin.serverCpu), ...node] : node;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    child.stdout!.once('data', (d) => resolve(Number(String(d).trim())));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

function activity(text: string) {
  return JSON.stringify({
    type: 'message', id: 'b1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies', locale: 'ja-JP',
    from: { id: 'u1' }, recipient: { id: 'b1' }, conversation: { id: 'c1' }, text,
  });
}

async function load(url: string, questions: string[], total: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const bodies = questions.map(activity);
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const i = next; next += 1;
      const t0 = performance.now();
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length] });
      await res.arrayBuffer();
      if (res.status !== 200) errors += 1;
      latencies.push(performance.now() - t0);
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { requests: total, seconds, perSecond: total / seconds, p50: q(0.5), p95: q(0.95), errors };
}

export async function runBotThroughput(questions: string[]): Promise<void> {
  // 14 rounds of 1,000 answers each: on a shared machine one round's ratio can be off by 0.2, the median of 14 far less.
  const total = Number(process.env.BENCH_REQUESTS ?? 14000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 14);
  const warmup = Number(process.env.BENCH_WARMUP ?? 10000);
  const pin = placement();
  if (pin) execFileSync('taskset', ['-p', '-c', pin.loadCpus, String(process.pid)], { stdio: 'ignore' });
  const ours = await startServer('medsec', pin);
  const echo = await startServer('echo', pin);
  try {
    // Warm-up: a fresh Node process is slow for its first thousands of
    // requests (the JIT is still compiling the hot paths, and restify's body
    // reader pays Node's deprecation check for Buffer() on each of its first
    // 10,000 requests). A running bot is past that within minutes, so the
    // measured rounds start after it; the warm-up's own figures are printed
    // too. It also alternates, in steps, so both servers warm alike.
    const warm = await alternate(ours, echo, questions, Array.from({ length: Math.ceil(warmup / 1000) }, (_, i) => Math.min(1000, warmup - i * 1000)), concurrency);
    // The two servers take turns, so a change in the machine's load during
    // the run weighs on both alike; each round yields one ratio.
    const { ours: a, echo: b, cpu } = await alternate(ours, echo, questions, Array.from({ length: rounds }, () => Math.ceil(total / rounds)), concurrency);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const fmt = (rs: LoadResult[]) => `${median(rs.map((r) => r.perSecond)).toFixed(0)} answers/s, p50 ${median(rs.map((r) => r.p50)).toFixed(1)} ms, p95 ${median(rs.map((r) => r.p95)).toFixed(1)} ms, errors ${rs.reduce((n, r) => n + r.errors, 0)}`;
    const ratios = a.map((r, i) => r.perSecond / b[i].perSecond);
    const per = (ms: number, n: number) => (ms / n).toFixed(3);
    console.log(`\n== Bot over HTTP (${concurrency} concurrent, deliveryMode expectReplies, servers in their own processes${pin ? `, on CPU ${pin.serverCpu}; load from CPU ${pin.loadCpus}` : ', placed by the scheduler'}) ==`);
    if (warmup > 0) {
      const sum = (rs: LoadResult[]) => rs.reduce((x, r) => ({ n: x.n + r.requests, s: x.s + r.seconds }), { n: 0, s: 0 });
      const wo = sum(warm.ours);
      const we = sum(warm.echo);
      const { ours: cpuOurs, echo: cpuEcho } = warm.cpu;
      console.log(`warm-up, first ${warmup} requests each (cold processes): medsec ${(wo.n / wo.s).toFixed(0)} answers/s, echo ${(we.n / we.s).toFixed(0)}/s → ratio ${((wo.n / wo.s) / (we.n / we.s)).toFixed(2)}×`
        + (cpuOurs > 0 && cpuEcho > 0 ? `; CPU per answer ${per(cpuOurs, wo.n)} vs ${per(cpuEcho, we.n)} ms → capacity ${((cpuEcho / we.n) / (cpuOurs / wo.n)).toFixed(2)}×` : ''));
    }
    console.log(`then ${rounds} alternating rounds, ${Math.ceil(total / rounds) * rounds} requests each (medians):`);
    console.log(`medsec bot (search + Adaptive Card): ${fmt(a)}`);
    console.log(`bare echo bot:                       ${fmt(b)}`);
    console.log(`throughput ratio: ${median(ratios).toFixed(2)}× (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')})   (goal ≥ 0.8×)`);
    if (cpu.ours > 0 && cpu.echo > 0) {
      // The load generator shares the machine; the servers' own CPU time per answer is the steadier figure.
      const n = Math.ceil(total / rounds) * rounds;
      console.log(`server CPU per answer: medsec ${per(cpu.ours, n)} ms, echo ${per(cpu.echo, n)} ms → capacity ratio ${(cpu.echo / cpu.ours).toFixed(2)}×`);
    }
  } finally {
    ours.child.kill();
    echo.child.kill();
  }
}

type Server = { url: string; child: ChildProcess };

/** Steps of load, the two servers taking turns; each server's results and CPU time (ms) in total. */
async function alternate(ours: Server, echo: Server, questions: string[], steps: number[], concurrency: number) {
  const out = { ours: [] as LoadResult[], echo: [] as LoadResult[], cpu: { ours: 0, echo: 0 } };
  for (const n of steps) {
    for (const [key, server] of [['ours', ours], ['echo', echo]] as const) {
      const c0 = cpuMs(server.child);
      out[key].push(await load(server.url, questions, n, concurrency));
      out.cpu[key] += cpuMs(server.child) - c0;
    }
  }
  return out;
}

/** CPU time (user + system) a child process has used, in ms; 0 where /proc is not available. */
function cpuMs(child: ChildProcess): number {
  try {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticksPerSecond = 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}
