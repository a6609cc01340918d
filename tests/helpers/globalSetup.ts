export default function globalSetup(): void {
  // Root and project configs both list this file; say it once.
  if (process.env.VOICES_MONGO_NOTICE_SHOWN) return
  process.env.VOICES_MONGO_NOTICE_SHOWN = '1'
  if (!process.env.MONGODB_URI?.trim()) {
    console.log(
      '\n[voices] MongoDB integration suite SKIPPED: MONGODB_URI is not set. ' +
        'Set it (e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0) to run every integration test against MongoDB too.\n',
    )
  }
}
