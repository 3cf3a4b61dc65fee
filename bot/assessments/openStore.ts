/**
 * Chooses the store from the configuration: PostgreSQL when DATABASE_URL is
 * set (several instances), otherwise the SQLite file (one instance).
 */
import type { Logger } from 'pino';
import type { AssessmentStore } from './store';
import { SqliteAssessmentStore } from './sqliteStore';
import { PostgresAssessmentStore } from './postgresStore';

export interface StoreConfig {
  databaseUrl?: string;
  sqlitePath: string;
}

export async function openAssessmentStore(config: StoreConfig, logger: Logger): Promise<AssessmentStore> {
  if (config.databaseUrl) {
    const store = await PostgresAssessmentStore.open(config.databaseUrl, {
      onError: (err) => logger.error({ err }, 'PostgreSQL connection error'),
    });
    logger.info('assessments: PostgreSQL store (DATABASE_URL)');
    return store;
  }
  const store = SqliteAssessmentStore.open(config.sqlitePath);
  logger.info({ file: config.sqlitePath }, 'assessments: SQLite store');
  return store;
}
