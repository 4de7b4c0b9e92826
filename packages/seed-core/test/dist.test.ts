import { checkBuiltPackage } from '../../../scripts/test-support/dist-check.ts';

checkBuiltPackage(new URL('..', import.meta.url));
