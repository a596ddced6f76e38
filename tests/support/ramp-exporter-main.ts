/** Entry point of the ramp exporter's own process (tests/support/ramp-exporter.ts): argv[2] is {shape, service}. */
import { serveRamp } from './ramp-exporter';

const { shape, service } = JSON.parse(process.argv[2]!);
const server = serveRamp(shape, service);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
