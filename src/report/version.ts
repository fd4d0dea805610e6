// Stratum's version, as package.json gives it, for what the report and the R code say made them.
import { version } from '../../package.json';

export const STRATUM_VERSION: string = version;
