/** DOM id of a data row; by index, because engine ids may hold any character. */
export const rowDomId = (index: number): string => `orders-row-${index}`;
