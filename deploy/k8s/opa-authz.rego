# OPA's own API authorization (`opa run --authorization=basic`): the gateway may ask for
# decisions, the probes may ask for health, and nobody may read, replace or delete policies or
# data over the API. The policies come only from the image (Kubernetes) or the mount (compose).
package system.authz

default allow := false

allow if {
	input.method == "POST"
	input.path == ["v1", "data", "wvp", "decision", "result"]
}

allow if {
	input.method == "GET"
	input.path == ["health"]
}
