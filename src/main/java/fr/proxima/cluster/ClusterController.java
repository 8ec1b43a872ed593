package fr.proxima.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

import fr.proxima.cluster.internal.DataVersion;
import fr.proxima.cluster.internal.ReadRouting;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/cluster}: this instance, its data version and where its reads go.
 */
@RestController
class ClusterController {

	private final DataVersion version;

	private final ObjectProvider<ReadRouting> routing;

	private final String instance;

	ClusterController(DataVersion version, ObjectProvider<ReadRouting> routing,
			@Value("${proxima.cluster.instance:}") String instance, @Value("${server.port:8080}") String port) {
		this.version = version;
		this.routing = routing;
		this.instance = instance.isBlank() ? host() + ":" + port : instance;
	}

	@Operation(summary = "This instance: its name, the data version its caches reflect, where its reads went")
	@GetMapping("/api/admin/cluster")
	ClusterStatus status() {
		ReadRouting r = routing.getIfAvailable();
		return new ClusterStatus(instance, version.seen(), r == null ? ClusterStatus.Reads.NONE : r.status());
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "localhost";
		}
	}

}
