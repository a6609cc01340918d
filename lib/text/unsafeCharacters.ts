/**
 * Characters no name, title or message ever needs and that only hide or disguise text: control
 * characters other than tab and line breaks (NUL among them), the bidirectional embeddings,
 * overrides and isolates that make "gnp.exe" read as "exe.png", and halves of a character (lone
 * surrogates, which no encoding can store). Marks for right-to-left text (U+200E, U+200F) and
 * zero-width joiners, which real writing uses, are fine.
 */
const unsafe =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export function hasUnsafeCharacters(value: string): boolean {
  return unsafe.test(value)
}
