import * as migration_20261122_004419_initial from './20261122_004419_initial';
import * as migration_20261122_012908_public_site from './20261122_012908_public_site';
import * as migration_20261122_014732_consent from './20261122_014732_consent';
import * as migration_20261122_032028_editorial_workflow from './20261122_032028_editorial_workflow';
import * as migration_20261130_054717_publishing_policy from './20261130_054717_publishing_policy';
import * as migration_20261130_055242_media_visibility from './20261130_055242_media_visibility';

export const migrations = [
  {
    up: migration_20261122_004419_initial.up,
    down: migration_20261122_004419_initial.down,
    name: '20261122_004419_initial',
  },
  {
    up: migration_20261122_012908_public_site.up,
    down: migration_20261122_012908_public_site.down,
    name: '20261122_012908_public_site',
  },
  {
    up: migration_20261122_014732_consent.up,
    down: migration_20261122_014732_consent.down,
    name: '20261122_014732_consent',
  },
  {
    up: migration_20261122_032028_editorial_workflow.up,
    down: migration_20261122_032028_editorial_workflow.down,
    name: '20261122_032028_editorial_workflow',
  },
  {
    up: migration_20261130_054717_publishing_policy.up,
    down: migration_20261130_054717_publishing_policy.down,
    name: '20261130_054717_publishing_policy',
  },
  {
    up: migration_20261130_055242_media_visibility.up,
    down: migration_20261130_055242_media_visibility.down,
    name: '20261130_055242_media_visibility'
  },
];
