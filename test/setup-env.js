// natural pulls in dotenv, which prints to stdout and reads ./.env unless told not to.
process.env.DOTENV_CONFIG_QUIET = 'true';
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent';
