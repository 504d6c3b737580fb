import { DirectoryImporter } from '../../src/directory/import/directory-importer';
import { DirectoryService } from '../../src/directory/directory.service';
import { TestApp } from '../harness/app';

export const PROVIDER_PHONE = '+22376000001';

// Two services through the directory's own importer: one in Kayes with a phone, one in Mopti without.
export async function seedDirectory(t: TestApp): Promise<{ kayes: string; mopti: string }> {
  const place = (id: string, city: string, region: string, lat: number, lon: number) => ({
    id,
    organization_id: 'org-test',
    name: `${city} centre`,
    location_type: 'physical',
    latitude: lat,
    longitude: lon,
    addresses: [{ address_1: 'Centre', city, state_province: region, country: 'ML' }],
  });
  const service = (id: string, name: string) => ({
    id,
    organization_id: 'org-test',
    name,
    status: 'active',
    attributes: [{ taxonomy_term: { code: 'food', taxonomy: 'sira-need' } }],
    languages: [{ code: 'fr' }],
  });
  const report = await t.app.get(DirectoryImporter).importDocument(
    {
      organizations: [{ id: 'org-test', name: 'Banque de céréales' }],
      locations: [
        place('loc-kayes', 'Kayes', 'Kayes', 14.45, -11.44),
        place('loc-mopti', 'Mopti', 'Mopti', 14.49, -4.2),
      ],
      services: [
        service('svc-kayes', 'Distribution Kayes'),
        service('svc-mopti', 'Distribution Mopti'),
      ],
      service_at_locations: [
        { id: 'sal-kayes', service_id: 'svc-kayes', location_id: 'loc-kayes' },
        { id: 'sal-mopti', service_id: 'svc-mopti', location_id: 'loc-mopti' },
      ],
      phones: [{ id: 'ph-kayes', service_id: 'svc-kayes', number: PROVIDER_PHONE }],
    },
    'referrals-test.json',
  );
  await t.app.get(DirectoryService).reload();
  const kayes = await t.app.get(DirectoryService).getService('svc-kayes');
  if (!kayes) throw new Error(`directory seed failed: ${JSON.stringify(report)}`);
  return { kayes: 'svc-kayes', mopti: 'svc-mopti' };
}
