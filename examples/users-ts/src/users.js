const USERS = new Map([
  [1, { id: 1, name: 'Ada' }],
  [2, { id: 2, name: 'Grace' }],
]);

/** Looks a user up by id (the docs call this getUser). */
export function getUser(id) {
  const user = USERS.get(id);
  if (!user) throw new Error(`getUser: no user ${id}`);
  return user;
}

export function getUserName(id) {
  return getUser(id).name;
}
