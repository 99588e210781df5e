// Editor features mask secrets with the same rules as every other output.
export { isSecretKey, looksSecret, MASK } from '../secrets';
