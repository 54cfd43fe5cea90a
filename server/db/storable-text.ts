/**
 * The one choke point between the app and its database drivers: every string bound as a
 * parameter, on either runtime, passes through `storable` before the driver sees it, so no
 * route, service or import can hand SQLite text that is not well-formed Unicode.
 *
 * Lone surrogates and NUL become U+FFFD (see shared/text.ts for why neither may reach SQLite).
 * JSON text needs one more step: a `\ud83d` escape that pairs with nothing is well-formed as a
 * JavaScript string, but `json_extract` decodes it into invalid UTF-8, which libSQL's native
 * driver then panics on (Utf8Error in value.rs) and aborts the process: the crash a catalog
 * preview hit when it staged a title cut inside an emoji. Such escapes (and `\u0000`, which
 * `json_extract` would turn into a NUL that cuts the text) become `\ufffd` too.
 */
import type { D1Database, D1DatabaseSession, D1PreparedStatement } from '@cloudflare/workers-types/index.ts';
import type { Client, InArgs, InStatement, Transaction, TransactionMode } from '@libsql/client';
import { safeJsonEscapes, safeText } from '../../shared/text.ts';

// JSON text that can hold an escape starts with a string, an array or an object.
const MAY_BE_JSON = /^\s*["[{]/;

/** A bound value as it may reach the database: strings well-formed, everything else as is. */
export function storable<T>(value: T): T {
  if (typeof value !== 'string') return value;
  const text = safeText(value);
  return (MAY_BE_JSON.test(text) ? safeJsonEscapes(text) : text) as T;
}

function storableArgs(args: InArgs | undefined): InArgs | undefined {
  if (args === undefined) return undefined;
  if (Array.isArray(args)) return args.map(storable);
  return Object.fromEntries(Object.entries(args).map(([name, value]) => [name, storable(value)]));
}

function storableStatement(stmt: InStatement | [string, InArgs?]): InStatement | [string, InArgs?] {
  if (typeof stmt === 'string') return stmt;
  if (Array.isArray(stmt)) return [stmt[0], storableArgs(stmt[1])];
  return { ...stmt, args: storableArgs(stmt.args) };
}

/** Methods of the target, bound to it: native and private-field objects refuse a Proxy as `this`. */
function forward<T extends object>(target: T, prop: string | symbol): unknown {
  const value: unknown = Reflect.get(target, prop, target);
  return typeof value === 'function' ? value.bind(target) : value;
}

type Executor = Pick<Transaction, 'execute' | 'batch'>;

function executorOverrides(target: Executor): Record<string, unknown> {
  return {
    execute: (stmt: InStatement, args?: InArgs) => target.execute(storableStatement(typeof stmt === 'string' && args !== undefined ? { sql: stmt, args } : stmt) as InStatement),
    // A client's batch also takes a transaction mode, a transaction's does not: pass on what came.
    batch: (stmts: Array<InStatement | [string, InArgs?]>, ...rest: [TransactionMode?]) => (target.batch as Client['batch'])(stmts.map(storableStatement), ...rest),
  };
}

function overriding<T extends object>(target: T, overrides: Record<string, unknown>): T {
  return new Proxy(target, { get: (t, prop) => (typeof prop === 'string' && prop in overrides ? overrides[prop] : forward(t, prop)) });
}

/** A libSQL client (and its transactions) whose every bound string is storable. */
export function storableLibsqlClient(client: Client): Client {
  return overriding(client, {
    ...executorOverrides(client),
    migrate: (stmts: InStatement[]) => client.migrate(stmts.map((s) => storableStatement(s) as InStatement)),
    transaction: async (mode?: TransactionMode) => {
      const tx = await client.transaction(mode);
      return overriding(tx, executorOverrides(tx));
    },
  });
}

function storablePrepare(prepare: (query: string) => D1PreparedStatement) {
  return (query: string) => {
    const stmt = prepare(query);
    // The statement itself stays D1's own (batch() only takes those); only its bind is wrapped.
    const bind = stmt.bind.bind(stmt);
    stmt.bind = (...values: unknown[]) => bind(...values.map(storable));
    return stmt;
  };
}

/** A D1 binding (and its sessions) whose every bound string is storable. */
export function storableD1(binding: D1Database): D1Database {
  return overriding(binding, {
    prepare: storablePrepare(binding.prepare.bind(binding)),
    withSession: (constraint?: Parameters<D1Database['withSession']>[0]) => {
      const session: D1DatabaseSession = binding.withSession(constraint);
      return overriding(session, { prepare: storablePrepare(session.prepare.bind(session)) });
    },
  });
}
