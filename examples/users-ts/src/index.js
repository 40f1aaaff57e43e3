export { getUser, getUserName } from './users.js';
export * as users from './users.js';
