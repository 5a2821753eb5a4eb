/** The shortest passphrase Assay accepts for anything it encrypts (packages, signing keys). */
export const MIN_PASSPHRASE = 8;
