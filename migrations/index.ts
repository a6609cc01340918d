import * as migration_20261122_004419_initial from './20261122_004419_initial';

export const migrations = [
  {
    up: migration_20261122_004419_initial.up,
    down: migration_20261122_004419_initial.down,
    name: '20261122_004419_initial'
  },
];
