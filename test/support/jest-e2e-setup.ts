import { installTestClock } from '../../apps/api/src/common/test-clock';

jest.setTimeout(180_000);
// `npm run test:dated`: the suites run as if today were TEST_NOW (the app runs in this process).
installTestClock();
