import * as migration_20261122_004419_initial from './20261122_004419_initial';
import * as migration_20261122_012908_public_site from './20261122_012908_public_site';
import * as migration_20261122_014732_consent from './20261122_014732_consent';
import * as migration_20261122_032028_editorial_workflow from './20261122_032028_editorial_workflow';
import * as migration_20261130_064300_privacy_side_doors from './20261130_064300_privacy_side_doors';
import * as migration_20261130_074919_search_index from './20261130_074919_search_index';
import * as migration_20261130_090445_default_share_image from './20261130_090445_default_share_image';
import * as migration_20261130_102649_donors from './20261130_102649_donors';
import * as migration_20261130_123240_slugs_and_redirects from './20261130_123240_slugs_and_redirects';
import * as migration_20261130_154024_logins_slowed_not_locked from './20261130_154024_logins_slowed_not_locked';
import * as migration_20261201_174312_scale_indexes from './20261201_174312_scale_indexes';

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
    up: migration_20261130_064300_privacy_side_doors.up,
    down: migration_20261130_064300_privacy_side_doors.down,
    name: '20261130_064300_privacy_side_doors',
  },
  {
    up: migration_20261130_074919_search_index.up,
    down: migration_20261130_074919_search_index.down,
    name: '20261130_074919_search_index',
  },
  {
    up: migration_20261130_090445_default_share_image.up,
    down: migration_20261130_090445_default_share_image.down,
    name: '20261130_090445_default_share_image',
  },
  {
    up: migration_20261130_102649_donors.up,
    down: migration_20261130_102649_donors.down,
    name: '20261130_102649_donors',
  },
  {
    up: migration_20261130_123240_slugs_and_redirects.up,
    down: migration_20261130_123240_slugs_and_redirects.down,
    name: '20261130_123240_slugs_and_redirects',
  },
  {
    up: migration_20261130_154024_logins_slowed_not_locked.up,
    down: migration_20261130_154024_logins_slowed_not_locked.down,
    name: '20261130_154024_logins_slowed_not_locked',
  },
  {
    up: migration_20261201_174312_scale_indexes.up,
    down: migration_20261201_174312_scale_indexes.down,
    name: '20261201_174312_scale_indexes'
  },
];
