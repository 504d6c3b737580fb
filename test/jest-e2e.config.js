// Integration and e2e tests: real HTTP server, real mongoose, the database the harness resolves.
module.exports = {
  rootDir: '..',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: 'test/.*\\.e2e-spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/setup-env.js'],
  testTimeout: 60000,
};
