import { seoPlugin } from '@payloadcms/plugin-seo'
import { en } from '@payloadcms/translations/languages/en'
import { ru } from '@payloadcms/translations/languages/ru'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { AuditLog } from '@/collections/AuditLog'
import { ConsentEvidence } from '@/collections/ConsentEvidence'
import { Inquiries } from '@/collections/Inquiries'
import { Leaders } from '@/collections/Leaders'
import { Media } from '@/collections/Media'
import { Participants } from '@/collections/Participants'
import { Programs } from '@/collections/Programs'
import { Redirects } from '@/collections/Redirects'
import { Stories } from '@/collections/Stories'
import { StoryStats } from '@/collections/StoryStats'
import { Subscribers } from '@/collections/Subscribers'
import { Tags } from '@/collections/Tags'
import { Users } from '@/collections/Users'
import { GetInvolved } from '@/globals/GetInvolved'
import { Navigation } from '@/globals/Navigation'
import { enforceConsentTask } from '@/privacy/takedown/enforceConsentTask'
import { canQueueJobs, canRunJobs } from '@/jobs/access'
import { closeJobStats } from '@/jobs/closeJobStats'
import { eachJobRunsOnce } from '@/lib/jobs/runOnce'
import { confirmSubscriptionTask } from '@/jobs/confirmSubscriptionTask'
import { notifyInquiryTask } from '@/jobs/notifyInquiryTask'
import { removeBlankDraftsTask } from '@/jobs/removeBlankDraftsTask'
import { removeOrphanFilesTask } from '@/jobs/removeOrphanFilesTask'
import { sendEmailTask } from '@/jobs/sendEmailTask'
import { limitDocumentLocks } from '@/access/ownDocumentLocks'
import { migrationsNotFound } from '@/lib/payload/migrationsRoute'
import { missingPreferencesNotFound } from '@/lib/payload/missingPreferences'
import { checkQueryArgs } from '@/lib/payload/queryArgs'
import { strictValues } from '@/lib/payload/strictValues'
import { SiteSettings } from '@/globals/SiteSettings'
import { databaseAdapter } from '@/lib/database'
import { jobsCron, payloadSecret, serverUrl } from '@/lib/env'
import { payloadLogger } from '@/lib/logging/payloadLogger'
import { mailAdapter } from '@/lib/mail/adapter'
import { mailQueue } from '@/lib/mail/retries'
import { livePreview } from '@/lib/preview/livePreview'
import { generateSeoDescription, generateSeoTitle } from '@/lib/seo'
import { defaultLocale, locales } from '@/lib/locales'
import { adminTranslations } from '@/lib/i18n/admin'
import { maxDepthRule } from '@/lib/graphql/maxDepthRule'
import { maxResultFieldsRule } from '@/lib/graphql/maxResultFieldsRule'
import { maxRootFieldsRule } from '@/lib/graphql/maxRootFieldsRule'
import { answerDatabaseFailures } from '@/lib/errors/answerDatabaseFailures'
import { answerUnsupportedQueries } from '@/lib/errors/answerUnsupportedQueries'
import { keepErrorData } from '@/lib/errors/keepErrorData'
import { plainEditor } from '@/lib/richText/editor'
import { readyEndpoints } from '@/lib/startup/readyEndpoint'
import { objectStoragePlugins } from '@/lib/uploads/objectStorage'
import { removeOrphanFiles } from '@/lib/uploads/orphanFiles'
import { withUnwritableFieldsRefused, withUnwritableGlobalFieldsRefused } from '@/lib/payload/refuseUnwritableFields'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: serverUrl(),
  secret: payloadSecret(),
  admin: {
    user: Users.slug,
    // Gravatar is unreachable offline and would leak staff e-mail hashes to a third party.
    avatar: 'default',
    importMap: { baseDir: dirname },
    // No generated share images for admin pages (`/api/og`): the admin is never shared, and the
    // endpoint drew a picture of any text anyone sent it.
    meta: { titleSuffix: ' · Voices', defaultOGImageType: 'off' },
    components: {
      beforeDashboard: [
        '@/components/admin/WorkDashboard#WorkDashboard',
        '@/components/admin/StoriesThatMovePeople#StoriesThatMovePeople',
      ],
    },
    livePreview,
  },
  collections: [
    Stories,
    Programs,
    Leaders,
    Participants,
    ConsentEvidence,
    Tags,
    Redirects,
    Media,
    Inquiries,
    Subscribers,
    Users,
    AuditLog,
    StoryStats,
  ].map(withUnwritableFieldsRefused),
  globals: [SiteSettings, GetInvolved, Navigation].map(withUnwritableGlobalFieldsRefused),
  endpoints: readyEndpoints,
  // Files an upload cut off by a crash had written, once ten minutes old (and hourly after).
  onInit: async (payload) => {
    await removeOrphanFiles(payload)
  },
  db: databaseAdapter(),
  // Refusals keep their code; a database that is locked, gone or full answers 503/507 with a
  // short message, not 500.
  hooks: { afterError: [keepErrorData, answerDatabaseFailures, answerUnsupportedQueries] },
  graphQL: {
    // Introspection and the playground are already off in production (Payload's defaults).
    validationRules: ({ variableValues }) => [maxDepthRule, maxRootFieldsRule, maxResultFieldsRule(variableValues)],
  },
  editor: plainEditor,
  // SMTP from the environment, or the outbox folder; every message is sent by the jobs queue.
  email: mailAdapter(),
  localization: {
    locales: locales.map(({ code, label }) => ({ code, label })),
    defaultLocale,
    // A story not yet translated reads in English rather than showing empty fields.
    fallback: true,
  },
  i18n: {
    supportedLanguages: { en, ru },
    fallbackLanguage: 'en',
    // Voices' own admin texts (lib/i18n/admin), under the `voices` namespace.
    translations: adminTranslations,
  },
  jobs: {
    tasks: [
      enforceConsentTask,
      sendEmailTask,
      notifyInquiryTask,
      confirmSubscriptionTask,
      removeBlankDraftsTask,
      removeOrphanFilesTask,
    ],
    access: { queue: canQueueJobs, run: canRunJobs, cancel: canQueueJobs },
    // The server runs due jobs itself (scheduled publishing every minute, the nightly consent
    // check, outgoing mail) unless told not to, e.g. when a separate worker runs `npm run jobs`.
    autoRun: () => [
      { cron: jobsCron(), queue: 'default' },
      { cron: jobsCron(), queue: 'consent' },
      { cron: jobsCron(), queue: mailQueue },
    ],
    shouldAutoRun: () => process.env.NODE_ENV !== 'test' && process.env.VOICES_RUN_JOBS !== 'false',
  },
  plugins: [
    // Editable title, description and share image per story and program, in every locale.
    seoPlugin({
      collections: ['stories', 'programs'],
      uploadsCollection: 'media',
      generateTitle: generateSeoTitle,
      generateDescription: generateSeoDescription,
    }),
    // Media and consent evidence in S3-compatible object storage when S3_* is set; the disk otherwise.
    ...objectStoragePlugins(),
  ],
  sharp,
  // Production: JSON lines with the request's id on each, and no document data (lib/logging).
  logger: payloadLogger(),
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
}).then((config) =>
  missingPreferencesNotFound(
    migrationsNotFound(strictValues(checkQueryArgs(limitDocumentLocks(closeJobStats(eachJobRunsOnce(config)))))),
  ),
)
