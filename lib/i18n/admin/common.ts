import { adminTexts } from './define'

export const common = adminTexts({
  en: {
    viewOnSite: 'View on site',
    exportCsv: 'Export CSV',
  },
  ru: {
    viewOnSite: 'Открыть на сайте',
    exportCsv: 'Экспорт в CSV',
  },
})
