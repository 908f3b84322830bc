import { after } from 'node:test';
import { openPostgresArchive } from '../src/store/postgres/postgres.store.ts';
import { runSearchContract } from './search.contract.ts';
import { runStoreContract } from './store.contract.ts';
import { createTestDatabase } from './support/postgres.db.ts';

const database = await createTestDatabase('store');
after(() => database.drop());

let stores = 0;
runStoreContract('postgres', () => openPostgresArchive(database.url(`store_${++stores}`)));
runSearchContract('postgres', () => openPostgresArchive(database.url(`search_${++stores}`)));
