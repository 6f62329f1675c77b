import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeInventory } from '../../../src/io/plan/inventory.js';
import { tempDir } from '../../helpers/cli.js';

describe('summarizeInventory', () => {
  it('reads a French Excel export: BOM, ;, CRLF, quoted fields, French headers', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'inventaire.csv');
    await writeFile(
      file,
      '\ufeffType;Nom;Emplacement;Remarque\r\nserveur;FS01;Fribourg;"RAID; 4 disques"\r\nposte;PC01;Bulle;"deux\r\nlignes"\r\nposte;PC02;Bulle;\r\n;;;\r\n',
    );
    const s = await summarizeInventory(file);
    expect(s).toMatchObject({
      columns: ['Type', 'Nom', 'Emplacement', 'Remarque'],
      rows: 3,
      byType: { serveur: 1, poste: 2 },
      byLocation: { Fribourg: 1, Bulle: 2 },
      missingColumns: [],
      delimiter: ';',
      encoding: 'utf-8',
    });
  });

  it('names the missing columns, and reads a Windows-1252 file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'inv.csv');
    await writeFile(
      file,
      Buffer.from('asset,type,d\xe9signation\nFS01,server,Serveur de fichiers\n', 'latin1'),
    );
    const s = await summarizeInventory(file);
    expect(s.missingColumns).toEqual(['location']);
    expect(s.columns).toEqual(['asset', 'type', 'désignation']);
    expect(s.encoding).toBe('windows-1252');
    expect(s.rows).toBe(1);
  });

  it('reports every expected column as missing for an empty file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'empty.csv');
    await writeFile(file, '');
    expect(await summarizeInventory(file, ['hostname'])).toMatchObject({
      rows: 0,
      columns: [],
      missingColumns: ['hostname'],
    });
  });
});
