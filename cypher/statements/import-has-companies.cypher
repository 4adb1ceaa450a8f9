// Whether the graph holds any company at all: the demo bundle is loaded only into an empty graph.
RETURN EXISTS { MATCH (:Company) } AS hasCompanies
