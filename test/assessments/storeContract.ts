/**
 * The one test suite every AssessmentStore implementation must pass.
 * sqliteStore.test.ts and postgresStore.test.ts run it against a real
 * SQLite file and a real PostgreSQL server.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { AssessmentStore } from '../../bot/assessments/store';
import type { ScopeKey } from '../../bot/assessments/store';
import { UNCHECKED } from '../../bot/assessments/model';
import { BATCH_SIZE, KILL_TEST_ITEMS, KILL_TEST_KEY } from './fixtures/killedWriter';

export interface StoreHarness {
  /** A fresh, empty store. */
  open(): Promise<AssessmentStore>;
  /** Another store on the same database as the last open() (a restart or a second instance). */
  reopen(): Promise<AssessmentStore>;
  /** argv for fixtures/killedWriter.ts pointing at the same database. */
  writerArgs(): string[];
  /** Applied migration versions of the current database. */
  migrationVersions(): Promise<number[]>;
  /** Tries to UPDATE and to DELETE history rows directly in SQL; returns the errors. */
  rewriteHistory(): Promise<{ update?: Error; remove?: Error; rowsAfter: number }>;
  /** Database-level consistency check (SQLite integrity_check); true when fine. */
  integrityOk(): Promise<boolean>;
}

const A: ScopeKey = { tenantId: 'tenant-a', scope: 'channel:19:team@thread.tacv2:19:general@thread.tacv2', edition: 'v5' };
const B: ScopeKey = { tenantId: 'tenant-b', scope: A.scope, edition: 'v5' };
const alice = { id: '00000000-0000-0000-0000-00000000000a', name: '佐藤 花子' };
const bob = { id: '00000000-0000-0000-0000-00000000000b', name: 'Bob' };

export function describeAssessmentStore(name: string, harness: StoreHarness): void {
  describe(`${name} assessment store`, () => {
    let store: AssessmentStore;
    const extra: AssessmentStore[] = [];
    beforeEach(async () => { store = await harness.open(); });
    afterEach(async () => {
      await store.close();
      for (const s of extra.splice(0)) await s.close();
    });

    it('runs its migrations once, however often it starts', async () => {
      const again = await harness.reopen();
      extra.push(again);
      extra.push(await harness.reopen());
      expect(await harness.migrationVersions()).toEqual([1, 2]);
    });

    it('gives an untouched item the unchecked state at version 0', async () => {
      expect(await store.getItemState(A, '6.5-C-6')).toEqual(UNCHECKED);
      expect((await store.getAssessment(A)).size).toBe(0);
      expect(await store.getItemStatus(A, '6.5-C-6')).toBeUndefined();
    });

    it('saves a first write at version 1 and keeps Japanese text intact', async () => {
      const result = await store.putItem(A, '6.5-C-6', {
        status: 'partial', owner: '情報システム部 田中', note: 'Purview 監査ログを確認 ✅\n次回は 6 月', targetDate: '2025-06-30', checkedDate: '2025-04-01',
      }, 0, alice);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.changed).toBe(true);
      expect(result.state).toMatchObject({
        status: 'partial', owner: '情報システム部 田中', note: 'Purview 監査ログを確認 ✅\n次回は 6 月', targetDate: '2025-06-30', checkedDate: '2025-04-01',
        version: 1, updatedBy: alice,
      });
      expect(new Date(result.state.updatedAt!).toISOString()).toBe(result.state.updatedAt);
      expect(await store.getItemState(A, '6.5-C-6')).toEqual(result.state);
      expect((await store.getAssessment(A)).get('6.5-C-6')).toEqual(result.state);
      expect(await store.getItemStatus(A, '6.5-C-6')).toEqual({
        status: 'partial', owner: '情報システム部 田中', version: 1, updatedAt: result.state.updatedAt,
      });
    });

    it('refuses a stale version, changes nothing and returns the current state', async () => {
      const first = await store.putItem(A, '6.5-C-6', { status: 'partial', owner: 'Alice' }, 0, alice);
      const second = await store.putItem(A, '6.5-C-6', { status: 'done' }, 1, alice);
      expect(second.ok).toBe(true);
      // Bob still holds version 1.
      const stale = await store.putItem(A, '6.5-C-6', { status: 'not-done', owner: 'Bob' }, 1, bob);
      expect(stale).toEqual({ ok: false, current: await store.getItemState(A, '6.5-C-6') });
      if (stale.ok || !first.ok) return;
      expect(stale.current).toMatchObject({ status: 'done', owner: 'Alice', version: 2, updatedBy: alice });
      expect((await store.getHistory(A, '6.5-C-6')).map((h) => h.version)).toEqual([1, 2]);
    });

    it('refuses version 0 for an item that has a state, and a version for one that has none', async () => {
      await store.putItem(A, '6.5-C-6', { status: 'done' }, 0, alice);
      const again = await store.putItem(A, '6.5-C-6', { status: 'partial' }, 0, bob);
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.current).toMatchObject({ status: 'done', version: 1 });
      const ghost = await store.putItem(A, '6.5-C-7', { status: 'done' }, 3, bob);
      expect(ghost).toEqual({ ok: false, current: UNCHECKED });
      expect(await store.getItemState(A, '6.5-C-7')).toEqual(UNCHECKED);
    });

    it('leaves omitted fields alone, clears fields set to null, and does not version a no-op', async () => {
      await store.putItem(A, '6.5-C-6', { status: 'partial', owner: 'Alice', note: 'memo', targetDate: '2025-06-30' }, 0, alice);
      const r2 = await store.putItem(A, '6.5-C-6', { status: 'done', note: null }, 1, bob);
      expect(r2.ok && r2.state).toMatchObject({ status: 'done', owner: 'Alice', note: null, targetDate: '2025-06-30', version: 2, updatedBy: bob });
      const noop = await store.putItem(A, '6.5-C-6', { status: 'done', owner: 'Alice' }, 2, bob);
      expect(noop.ok && noop).toMatchObject({ changed: false, state: { version: 2 } });
      expect(await store.getHistory(A, '6.5-C-6')).toHaveLength(2);
    });

    it('records who changed which field from what to what, oldest first', async () => {
      await store.putItem(A, '6.5-C-6', { status: 'partial', owner: 'Alice' }, 0, alice);
      await store.putItem(A, '6.5-C-6', { status: 'done', owner: 'Alice', checkedDate: '2025-04-01' }, 1, bob);
      const history = await store.getHistory(A, '6.5-C-6');
      expect(history).toHaveLength(2);
      expect(history[0]).toMatchObject({
        version: 1, by: alice, source: 'edit',
        changes: [{ field: 'status', before: 'unchecked', after: 'partial' }, { field: 'owner', before: null, after: 'Alice' }],
      });
      expect(history[1]).toMatchObject({
        version: 2, by: bob, source: 'edit',
        changes: [{ field: 'status', before: 'partial', after: 'done' }, { field: 'checkedDate', before: null, after: '2025-04-01' }],
      });
      expect(Date.parse(history[1].at)).toBeGreaterThanOrEqual(Date.parse(history[0].at));
    });

    it('keeps history append-only: the database refuses to update or delete it', async () => {
      await store.putItem(A, '6.5-C-6', { status: 'done' }, 0, alice);
      await store.putItem(A, '6.5-C-6', { status: 'partial' }, 1, alice);
      const before = await store.getHistory(A, '6.5-C-6');
      const attempt = await harness.rewriteHistory();
      expect(attempt.update?.message).toMatch(/append-only/);
      expect(attempt.remove?.message).toMatch(/append-only/);
      expect(attempt.rowsAfter).toBe(2);
      expect(await store.getHistory(A, '6.5-C-6')).toEqual(before);
    });

    it('never shows one tenant the data of another, even for the same team and channel IDs', async () => {
      await store.putItem(A, '6.5-C-6', { status: 'done', note: 'tenant A only' }, 0, alice);
      expect((await store.getAssessment(B)).size).toBe(0);
      expect(await store.getItemState(B, '6.5-C-6')).toEqual(UNCHECKED);
      expect(await store.getHistory(B, '6.5-C-6')).toEqual([]);
      expect(await store.getItemStatus(B, '6.5-C-6')).toBeUndefined();
      // B's first write is B's version 1, not a conflict with A's row.
      const b = await store.putItem(B, '6.5-C-6', { status: 'not-done' }, 0, bob);
      expect(b.ok && b.state.version).toBe(1);
      expect(await store.getItemState(A, '6.5-C-6')).toMatchObject({ status: 'done', note: 'tenant A only', version: 1 });
      const personalA = { tenantId: 'tenant-a', scope: `personal:${alice.id}`, edition: 'v5' };
      const personalB = { tenantId: 'tenant-a', scope: `personal:${bob.id}`, edition: 'v5' };
      await store.putItem(personalA, '6.5-C-6', { status: 'partial' }, 0, alice);
      expect((await store.getAssessment(personalB)).size).toBe(0);
    });

    it('keeps editions apart: the same item ID in two editions is two items', async () => {
      const v7 = { ...A, edition: 'v7' };
      await store.putItem(A, '6.5-C-6', { status: 'done' }, 0, alice);
      await store.putItem(v7, '6.5-C-6', { status: 'not-done', note: '7.0' }, 0, alice);
      expect(await store.getItemState(A, '6.5-C-6')).toMatchObject({ status: 'done', version: 1 });
      expect(await store.getItemState(v7, '6.5-C-6')).toMatchObject({ status: 'not-done', note: '7.0', version: 1 });
      expect([...(await store.getAssessment(v7)).keys()]).toEqual(['6.5-C-6']);
      expect((await store.getHistory(v7, '6.5-C-6')).map((h) => h.version)).toEqual([1]);
      expect(await store.getItemStatus(v7, '6.5-C-6')).toMatchObject({ status: 'not-done' });
    });

    it('lets exactly one of many concurrent editors of the same version win', async () => {
      const other = await harness.reopen();
      extra.push(other);
      await store.putItem(A, '6.5-C-6', { status: 'partial' }, 0, alice);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? other : store).putItem(A, '6.5-C-6', { status: 'done', note: `editor ${i}` }, 1, { id: `u${i}`, name: `editor ${i}` })));
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const final = await store.getItemState(A, '6.5-C-6');
      expect(final.version).toBe(2);
      for (const r of results) if (!r.ok) expect(r.current.version).toBe(2);
      const history = await store.getHistory(A, '6.5-C-6');
      expect(history.map((h) => h.version)).toEqual([1, 2]);
      expect(history[1].changes.find((c) => c.field === 'note')?.after).toBe(final.note);
    });

    it('lets exactly one of many concurrent creators of a new item win', async () => {
      const other = await harness.reopen();
      extra.push(other);
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? other : store).putItem(A, '7.1-C-1.3', { status: 'done', owner: `owner ${i}` }, 0, { id: `u${i}`, name: `u${i}` })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await store.getHistory(A, '7.1-C-1.3')).toHaveLength(1);
    });

    it('never loses an acknowledged write under concurrent read-modify-write loops', async () => {
      const other = await harness.reopen();
      extra.push(other);
      const acked: Array<{ itemId: string; version: number; note: string }> = [];
      const items = ['6.1-C-1', '6.1-C-2', '6.1-C-3'];
      await Promise.all(Array.from({ length: 8 }, async (_, editor) => {
        const s = editor % 2 ? other : store;
        for (let n = 0; n < 15; n += 1) {
          const itemId = items[(editor + n) % items.length];
          const note = `editor ${editor} write ${n}`;
          for (;;) {
            const current = await s.getItemState(A, itemId);
            const r = await s.putItem(A, itemId, { status: 'partial', note }, current.version, { id: `e${editor}`, name: `e${editor}` });
            if (r.ok) {
              acked.push({ itemId, version: r.state.version, note });
              break;
            }
          }
        }
      }));
      expect(acked).toHaveLength(8 * 15);
      for (const itemId of items) {
        const history = await store.getHistory(A, itemId);
        const mine = acked.filter((a) => a.itemId === itemId).sort((x, y) => x.version - y.version);
        expect(history.map((h) => h.version)).toEqual(mine.map((a) => a.version));
        expect(history.map((h) => h.changes.find((c) => c.field === 'note')?.after)).toEqual(mine.map((a) => a.note));
        expect((await store.getItemState(A, itemId)).version).toBe(mine.length);
      }
    });

    it('imports a whole assessment in one transaction and reports what changed', async () => {
      await store.putItem(A, '6.5-C-6', { status: 'done', owner: 'Alice' }, 0, alice);
      await store.putItem(A, '6.5-C-7', { status: 'partial' }, 0, alice);
      const counts = await store.importItems(A, [
        { itemId: '6.5-C-6', state: { status: 'done', owner: 'Alice', note: null, targetDate: null, checkedDate: null } },
        { itemId: '6.5-C-7', state: { status: 'not-applicable', owner: null, note: '対象外の理由', targetDate: null, checkedDate: '2025-05-01' } },
        { itemId: '6.5-C-8', state: { status: 'done', owner: 'Bob', note: null, targetDate: '2025-12-31', checkedDate: null } },
        { itemId: '6.5-C-9', state: { status: 'unchecked', owner: null, note: null, targetDate: null, checkedDate: null } },
      ], bob);
      expect(counts).toEqual({ total: 4, created: 1, updated: 1, unchanged: 2 });
      expect(await store.getItemState(A, '6.5-C-7')).toMatchObject({ status: 'not-applicable', note: '対象外の理由', version: 2, updatedBy: bob });
      expect(await store.getItemState(A, '6.5-C-8')).toMatchObject({ status: 'done', owner: 'Bob', version: 1 });
      expect(await store.getItemState(A, '6.5-C-9')).toEqual(UNCHECKED);
      const history = await store.getHistory(A, '6.5-C-7');
      expect(history[1]).toMatchObject({ source: 'import', by: bob, version: 2 });
    });

    it('rolls back a failed import completely', async () => {
      await store.putItem(A, '6.5-C-6', { status: 'done' }, 0, alice);
      const before = await store.getAssessment(A);
      // (Compared by message: under jest, better-sqlite3's error class can come from another test file's realm.)
      const outcome = await store.importItems(A, [
        { itemId: '6.5-C-6', state: { status: 'partial', owner: null, note: null, targetDate: null, checkedDate: null } },
        { itemId: '6.5-C-7', state: { status: 'partial', owner: null, note: null, targetDate: null, checkedDate: null } },
        // A status the schema refuses: the database aborts the transaction.
        { itemId: '6.5-C-8', state: { status: 'bogus' as never, owner: null, note: null, targetDate: null, checkedDate: null } },
      ], bob).then(() => 'imported', (err: { message?: string }) => String(err?.message));
      expect(outcome).toMatch(/check constraint/i);
      expect(await store.getAssessment(A)).toEqual(before);
      expect(await store.getHistory(A, '6.5-C-7')).toEqual([]);
    });

    it('remembers where each tenant\'s team can be reached', async () => {
      await store.saveTeamServiceUrl('tenant-a', '19:team@thread.tacv2', 'https://smba.trafficmanager.net/jp/');
      await store.saveTeamServiceUrl('tenant-a', '19:team@thread.tacv2', 'https://smba.trafficmanager.net/apac/');
      expect(await store.getTeamServiceUrl('tenant-a', '19:team@thread.tacv2')).toBe('https://smba.trafficmanager.net/apac/');
      expect(await store.getTeamServiceUrl('tenant-b', '19:team@thread.tacv2')).toBeUndefined();
    });

    it('keeps everything across a restart', async () => {
      const r = await store.putItem(A, '6.5-C-6', { status: 'done', note: '再起動後も残る' }, 0, alice);
      await store.close();
      store = await harness.reopen();
      expect(await store.getItemState(A, '6.5-C-6')).toEqual(r.ok && r.state);
    });

    it('keeps every committed write when the writing process is killed mid-write', async () => {
      const child = spawn(process.execPath, ['-r', path.join(__dirname, '..', 'helpers', 'tsRegister.js'), path.join(__dirname, 'fixtures', 'killedWriter.ts'), ...harness.writerArgs()], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const acks: Array<{ itemId: string; version: number; i: number }> = [];
      const batches: string[] = [];
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      let buffer = '';
      const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString('utf8');
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const [kind, a, b, c] = line.split(' ');
          if (kind === 'ack') acks.push({ itemId: a, version: Number(b), i: Number(c) });
          if (kind === 'batch') batches.push(a);
        }
        // Kill it while it is busy writing, at an arbitrary point.
        if (acks.length >= 300 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
      });
      const signal = await killed;
      expect(stderr).toBe('');
      expect(signal).toBe('SIGKILL');
      expect(acks.length).toBeGreaterThanOrEqual(300);
      expect(batches.length).toBeGreaterThan(10);

      const reopened = await harness.reopen();
      extra.push(reopened);
      expect(await harness.integrityOk()).toBe(true);
      const histories = new Map<string, Awaited<ReturnType<AssessmentStore['getHistory']>>>();
      for (const itemId of KILL_TEST_ITEMS) {
        const history = await reopened.getHistory(KILL_TEST_KEY, itemId);
        histories.set(itemId, history);
        // Versions without gaps, and the state at the last one.
        expect(history.map((h) => h.version)).toEqual(history.map((_h, k) => k + 1));
        expect((await reopened.getItemState(KILL_TEST_KEY, itemId)).version).toBe(history.length);
      }
      // Every acknowledged single write is there with its own note.
      for (const ack of acks) {
        const entry = histories.get(ack.itemId)!.find((h) => h.version === ack.version);
        expect(entry?.changes.find((c) => c.field === 'note')?.after).toBe(`write-${ack.i} 確認済み`);
      }
      // Every import is all or nothing — the acknowledged ones whole, an interrupted one absent.
      const perBatch = new Map<string, number>();
      for (const history of histories.values()) {
        for (const h of history) {
          const note = h.changes.find((c) => c.field === 'note')?.after;
          if (h.source === 'import' && note) perBatch.set(note, (perBatch.get(note) ?? 0) + 1);
        }
      }
      for (const [note, count] of perBatch) expect([note, count]).toEqual([note, BATCH_SIZE]);
      for (const note of batches) expect(perBatch.get(note)).toBe(BATCH_SIZE);
    }, 60000);
  });
}
