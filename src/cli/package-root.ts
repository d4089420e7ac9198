import { fileURLToPath } from 'node:url';

/** The installed package's root (holds schemas/, policies/, templates/); same depth from src/ and dist/. */
export const packageRoot: string = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
