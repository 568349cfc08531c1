/** `npm run build` (server): makes the empty-database image a fresh embedded database starts from. */
import { writeInitialImage } from './initial-database-image.js';

const { path, built } = await writeInitialImage();
process.stdout.write(`${built ? 'built' : 'up to date'}: ${path}\n`);
