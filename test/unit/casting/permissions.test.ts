import t from 'tap';
import { permissionsOf, ROLES } from '../../../src/domain/permissions.ts';

t.test('the casting workflow permissions of the roles table: directors manage auditions, producers also make offers', async (t) => {
  const holders = (permission: 'manage:auditions' | 'make:offers') => ROLES.filter((role) => permissionsOf(role).includes(permission));
  t.same(holders('manage:auditions'), ['casting_director', 'executive_producer', 'admin']);
  t.same(holders('make:offers'), ['executive_producer', 'admin']);
});
