// Stores the derived properties of claims ($claims: {id, props}) computed by derivedClaimProperties.
UNWIND $claims AS row
MATCH (k:Claim {id: row.id})
SET k += row.props
