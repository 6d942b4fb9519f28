import { describe, expect, it } from 'vitest';
import {
  editionFromCaption,
  editionFromId,
  editionFromSku,
  isSemiAnnualEditionId,
  parseDeclaredEdition,
} from '../../src/domain/editions.js';

describe('editionFromId (registry EditionID)', () => {
  it.each([
    ['ServerDatacenter', 'datacenter'],
    ['ServerDatacenterCor', 'datacenter'],
    ['ServerDatacenterCore', 'datacenter'],
    ['ServerDatacenterACor', 'datacenter'],
    ['ServerDatacenterEval', 'datacenter-evaluation'],
    ['ServerDatacenterEvalCor', 'datacenter-evaluation'],
    ['ServerStandard', 'standard'],
    ['ServerStandardCor', 'standard'],
    ['ServerStandardACor', 'standard'],
    ['ServerStandardEval', 'standard-evaluation'],
    ['ServerSolution', 'essentials'],
    ['ServerFoundation', 'foundation'],
    ['ServerTurbine', 'datacenter-azure-edition'],
    ['ServerAzureStackHCICor', 'azure-local'],
    ['ServerHyperCore', 'hyper-v-server'],
    ['ServerDatacenterV', 'datacenter-without-hyper-v'],
    ['Professional', 'client'],
  ])('%s is %s', (id, family) => {
    expect(editionFromId(id)).toBe(family);
  });

  it('knows nothing of an unknown EditionID', () => {
    expect(editionFromId('ServerFuture')).toBeNull();
  });
});

describe('editionFromSku (OperatingSystemSKU, KVP OSEditionId)', () => {
  it.each([
    [8, 'datacenter'],
    [12, 'datacenter'],
    [145, 'datacenter'],
    [147, 'datacenter'],
    [80, 'datacenter-evaluation'],
    [159, 'datacenter-evaluation'],
    [7, 'standard'],
    [148, 'standard'],
    [79, 'standard-evaluation'],
    [50, 'essentials'],
    [33, 'foundation'],
    [406, 'azure-local'],
    [407, 'datacenter-azure-edition'],
    [42, 'hyper-v-server'],
    [48, 'client'],
  ])('SKU %i is %s', (sku, family) => {
    expect(editionFromSku(sku)).toBe(family);
  });

  it('knows nothing of SKU 0 or PRODUCT_UNLICENSED', () => {
    expect(editionFromSku(0)).toBeNull();
    expect(editionFromSku(0xabcdabcd)).toBeNull();
  });
});

describe('parseDeclaredEdition', () => {
  it.each([
    ['Datacenter', 'datacenter'],
    ['datacenter', 'datacenter'],
    ['DatacenterEval', 'datacenter-evaluation'],
    ['Standard', 'standard'],
    ['Essentials', 'essentials'],
    ['Foundation', 'foundation'],
    ['HyperVServer', 'hyper-v-server'],
    ['StandardEval', 'standard-evaluation'],
    ['AzureLocal', 'azure-local'],
    ['Azure Stack HCI', 'azure-local'],
    ['ServerDatacenterCor', 'datacenter'],
    ['Datacenter: Azure Edition', 'datacenter-azure-edition'],
  ])('%s is %s', (text, family) => {
    expect(parseDeclaredEdition(text)).toBe(family);
  });

  it('refuses what it does not know', () => {
    expect(parseDeclaredEdition('Enterprise Plus')).toBeNull();
  });
});

describe('editionFromCaption', () => {
  it.each([
    ['Microsoft Windows Server 2022 Datacenter', 'datacenter'],
    ['Microsoft Windows Server 2022 Datacenter Evaluation', 'datacenter-evaluation'],
    ['Microsoft Windows Server 2019 Standard', 'standard'],
    ['Windows Server 2025 Datacenter: Azure Edition', 'datacenter-azure-edition'],
    ['Microsoft Azure Stack HCI', 'azure-local'],
    ['Microsoft Hyper-V Server 2019', 'hyper-v-server'],
    ['Microsoft Windows Server 2012 R2 Foundation', 'foundation'],
    ['Windows Server 2022 Essentials', 'essentials'],
    ['Windows Server 2019 Standard Evaluation', 'standard-evaluation'],
    ['Microsoft Windows 11 Enterprise', 'client'],
  ])('%s is %s', (caption, family) => {
    expect(editionFromCaption(caption)).toBe(family);
  });
});

it('semi-annual editions end in ACor', () => {
  expect(isSemiAnnualEditionId('ServerDatacenterACor')).toBe(true);
  expect(isSemiAnnualEditionId('ServerDatacenterCor')).toBe(false);
});
