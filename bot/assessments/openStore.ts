/**
 * Chooses the store from the configuration: PostgreSQL when DATABASE_URL is
 * set (several instances), otherwise the SQLite file (one instance). A store
 * that cannot be opened stops start-up with a ConfigError naming the setting.
 */
import type { Logger } from 'pino';
import { ConfigError } from '../config';
import type { AssessmentStore } from './store';
import { SqliteAssessmentStore } from './sqliteStore';
import { PostgresAssessmentStore } from './postgresStore';

export interface StoreConfig {
  databaseUrl?: string;
  sqlitePath: string;
}

/** host:port/database of a connection string, never its password. */
function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

export async function openAssessmentStore(config: StoreConfig, logger: Logger): Promise<AssessmentStore> {
  if (config.databaseUrl) {
    let store: PostgresAssessmentStore;
    try {
      store = await PostgresAssessmentStore.open(config.databaseUrl, {
        onError: (err) => logger.error({ err }, 'PostgreSQL connection error'),
      });
    } catch (err) {
      throw new ConfigError(`Cannot open the assessment database (DATABASE_URL → ${describeDatabase(config.databaseUrl)}): ${(err as Error).message}`);
    }
    logger.info({ database: describeDatabase(config.databaseUrl) }, 'assessments: PostgreSQL store (DATABASE_URL)');
    return store;
  }
  let store: SqliteAssessmentStore;
  try {
    store = SqliteAssessmentStore.open(config.sqlitePath);
  } catch (err) {
    throw new ConfigError(`Cannot open the assessment file (ASSESSMENT_DB_PATH=${config.sqlitePath}): ${(err as Error).message}`);
  }
  logger.info({ file: config.sqlitePath }, 'assessments: SQLite store');
  return store;
}
