// The CLI's entry: main() handles its own errors and sets the exit code.
import { main } from './main.js';

void main(process.argv);
