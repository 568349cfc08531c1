/** A publication decision that core's rule accepts, for tests that publish (publishing requires one). */
export const TEST_PUBLICATION_DECISION = {
  number: '99/QĐ-UBND',
  date: '2024-03-29',
  signerName: 'Người Ký Thử',
  signerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
} as const;
