// The school an administrator's screen works on: GET /api/admin/schools lists the schools the person
// administers (their own school, or every school of their district). With one school there is nothing to
// choose and its name is shown; with several, a labelled select, whose choice is remembered for the tab
// (sessionStorage) so that every console screen opens on the same school.
import { api, el } from '/corridor.js';

const KEY = 'corridor.admin.schoolId';

/**
 * Draws the picker into `host` (an empty element of the page) and resolves to the chosen school
 * ({ id, name, timeZone, inEmergency, passTypes }), or null when the person administers none. `onChange`
 * is called with the school when another one is chosen.
 */
export async function pickSchool(host, onChange) {
  const schools = await api('/api/admin/schools');
  if (!schools.length) {
    host.replaceChildren(el('p', { class: 'hint' }, 'Your account administers no school yet.'));
    host.hidden = false;
    return null;
  }
  const remembered = sessionStorage.getItem(KEY);
  let chosen = schools.find(s => s.id === remembered) ?? schools[0];
  sessionStorage.setItem(KEY, chosen.id);
  if (schools.length === 1) {
    host.replaceChildren(el('p', { class: 'school-name' }, 'School: ', el('strong', {}, chosen.name)));
    host.hidden = false;
    return chosen;
  }
  const select = el('select', { id: 'school-choice', name: 'schoolId' },
    schools.map(s => el('option', { value: s.id, selected: s.id === chosen.id }, s.name)));
  select.addEventListener('change', () => {
    chosen = schools.find(s => s.id === select.value);
    sessionStorage.setItem(KEY, chosen.id);
    onChange?.(chosen);
  });
  host.replaceChildren(el('label', { for: 'school-choice' }, 'School'), select);
  host.hidden = false;
  return chosen;
}
